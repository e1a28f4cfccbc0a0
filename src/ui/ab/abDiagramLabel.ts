/**
 * The label over each diagram when A's is drawn beside B's: the side's letter and its scenario as
 * the captions name it (`scenarioParts`: path, operation, workload, size, VMs, window), then what
 * else differs from the other side (the seed, model constants, as a caption writes them), each part
 * marked when it differs, so the eye goes to the change.
 */
import { trim } from '../../lib/format.ts';
import { PARAMS } from '../../model/params.ts';
import type { Settings } from '../../store/index.ts';
import { paramValue } from '../../store/settings.ts';
import { scenarioParts } from '../export/caption.ts';

export type AbSideName = 'A' | 'B';

export interface LabelPart {
  readonly text: string;
  /** The other side has something else here. */
  readonly changed: boolean;
}

export interface AbDiagramLabel {
  readonly side: AbSideName;
  readonly parts: readonly LabelPart[];
  /** The whole label on one line: "A · VM · TCP (pv-tcp), RDMA WRITE, …". */
  readonly text: string;
  /**
   * The parts a projector shows (presenter mode's labels are large, two diagrams share its width):
   * only those that differ from the other side, or all of them when none does.
   */
  readonly brief: readonly LabelPart[];
}

/** The label of `side`'s diagram, whose settings are `mine`, beside the other side's `other`. */
export function abDiagramLabel(side: AbSideName, mine: Settings, other: Settings): AbDiagramLabel {
  const theirs = scenarioParts(other);
  const parts: LabelPart[] = scenarioParts(mine).map((text, i) => ({ text, changed: text !== theirs[i] }));
  // What the scenario's parts do not name: a different seed, a constant set differently.
  if (mine.seed !== other.seed) parts.push({ text: `seed ${mine.seed}`, changed: true });
  for (const p of PARAMS) {
    const v = paramValue(mine.params, p.name as never);
    if (v !== paramValue(other.params, p.name as never))
      parts.push({ text: `${p.name}=${trim(v)}`, changed: true });
  }
  const changed = parts.filter((p) => p.changed);
  return {
    side,
    parts,
    text: `${side} · ${parts.map((p) => p.text).join(', ')}`,
    brief: changed.length > 0 ? changed : parts,
  };
}
