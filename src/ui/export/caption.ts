/**
 * The caption drawn under an exported figure and the parameter lines of a CSV: which scenario made
 * it (path, operation, workload, size, VMs, window), the seed, the model constants changed from their
 * defaults, the simulated time of a still picture, and the app's version. One source for both, so a
 * picture and its table never disagree about what they show.
 */
import { formatBytes, formatClockNs } from '../../lib/format.ts';
import { MODE_DESCRIPTORS } from '../../model/modes.ts';
import { PARAMS } from '../../model/params.ts';
import type { Settings } from '../../store/index.ts';
import { OP_LABELS, WORKLOAD_LABELS } from '../controls/labels.ts';
import { APP_ID } from './appInfo.ts';

/** What a figure shows besides its settings. */
export interface FigureContext {
  /** The simulated time of a still picture (the diagram), ns. */
  readonly nowNs?: number;
}

/** The model constants changed from their defaults, in the schema's order: [name, value]. */
export function changedParams(settings: Pick<Settings, 'params'>): [string, number][] {
  return PARAMS.filter(
    (p) => settings.params[p.name] !== undefined && settings.params[p.name] !== p.default,
  ).map((p) => [p.name, settings.params[p.name]]);
}

/** The scenario's parts, in order: path, operation, workload, size, VMs, window (scenarioText joins them). */
export function scenarioParts(s: Settings): string[] {
  const d = MODE_DESCRIPTORS[s.mode];
  const vms = d.hasVms ? `${s.vms} VM${s.vms === 1 ? '' : 's'} per host` : 'no VMs';
  return [
    `${d.label} (${s.mode})`,
    `RDMA ${OP_LABELS[s.op]}`,
    WORKLOAD_LABELS[s.workload],
    formatBytes(s.sizeBytes),
    vms,
    `window ${s.window}`,
  ];
}

/** "VM · TCP (pv-tcp), RDMA WRITE, ping-pong, 64 B, 1 VM per host, window 8". */
export function scenarioText(s: Settings): string {
  return scenarioParts(s).join(', ');
}

/** The whole caption, on one line: scenario · seed · changed constants · time · app. */
export function captionText(s: Settings, ctx: FigureContext = {}): string {
  const changed = changedParams(s);
  return [
    scenarioText(s),
    `seed ${s.seed}`,
    changed.length > 0 ? `changed: ${changed.map(([k, v]) => `${k}=${v}`).join(', ')}` : 'default constants',
    ...(ctx.nowNs !== undefined ? [`t = ${formatClockNs(ctx.nowNs)} simulated`] : []),
    APP_ID,
  ].join(' · ');
}

/**
 * The caption of A's and B's diagrams side by side: A's scenario and seed (what else differs is on
 * its label), then B's whole caption, the time and the app's version included.
 */
export function abCaptionText(a: Settings, b: Settings, ctx: FigureContext = {}): string {
  return `A (left): ${scenarioText(a)}, seed ${a.seed} · B (right): ${captionText(b, ctx)}`;
}

/**
 * The caption broken into lines of at most `maxChars` characters at spaces (a separator "·" never
 * starts or ends a line); a word longer than a line is cut.
 */
export function wrapCaption(text: string, maxChars: number): string[] {
  const limit = Math.max(8, Math.floor(maxChars));
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > limit) {
      if (line) lines.push(line);
      lines.push(word.slice(0, limit));
      word = word.slice(limit);
      line = '';
    }
    const next = line ? `${line} ${word}` : word;
    if (next.length <= limit) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replace(/ ·$/, '').replace(/^· /, '')).filter((l) => l.length > 0);
}
