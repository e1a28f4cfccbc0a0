import { parseSize } from '../lib/size.ts';
import { LIMITS, isPktgenFrame } from '../model/limits.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../model/modes.ts';
import { MODES, OPS, WORKLOADS } from '../model/types.ts';
import { checkParam } from '../model/validate.ts';
import { SPEED_LIMITS } from '../store/settings.ts';
import {
  PREDICT_METRICS,
  TOUR_FORMAT_VERSION,
  type PauseAt,
  type Predict,
  type SceneInput,
  type Tour,
  type TourStep,
} from './format.ts';
import { placeholderErrors } from './placeholders.ts';
import { resolveScenes, type Scene } from './scene.ts';

/** What a checked tour is checked against: what the app can show (passed in, so nothing is copied). */
export interface TourContext {
  /** The chart tabs. */
  readonly tabs: readonly string[];
  /** Message sizes the sweep runs (predictions are placed at these), if known. */
  readonly sweepSizes?: readonly number[];
}

export type TourCheck =
  | { readonly ok: true; readonly tour: Tour; readonly scenes: Scene[] }
  | { readonly ok: false; readonly errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

const SCENE_FIELDS = [
  'mode',
  'op',
  'workload',
  'size',
  'vms',
  'params',
  'speedUsPerSec',
  'tab',
  'message',
  'pauseAt',
  'play',
  'highlight',
  'focus',
];
const HIGHLIGHT_RE = /^(h\d+\/)?[a-z0-9]+(\/[a-z0-9-]+)?$|^switch$/;

/**
 * Reads a tour file: every problem is named by its field (`steps[3].scene.mode (step 4): …`), so an
 * author can fix it; a tour with any problem is refused whole rather than shown half right.
 */
export function checkTour(json: unknown, ctx: TourContext): TourCheck {
  const errors: string[] = [];
  if (!isObj(json))
    return { ok: false, errors: ['the file is not a JSON object with "format", "title" and "steps"'] };
  if (json.format !== TOUR_FORMAT_VERSION)
    errors.push(`format: expected ${TOUR_FORMAT_VERSION}, got ${str(json.format)}`);
  if (typeof json.title !== 'string' || json.title.trim() === '')
    errors.push('title: a non-empty text is required');
  for (const k of Object.keys(json))
    if (!['format', 'title', 'steps', '$comment'].includes(k)) errors.push(`${k}: not a field of a tour`);
  if (!Array.isArray(json.steps) || json.steps.length === 0) {
    errors.push('steps: a list of at least one step is required');
    return { ok: false, errors };
  }
  const steps: TourStep[] = json.steps.map((raw, i) => readStep(raw, `steps[${i}]`, i + 1, errors, ctx));
  if (errors.length > 0) return { ok: false, errors };
  const scenes = resolveScenes(steps);
  scenes.forEach((scene, i) => checkCombination(scene, `steps[${i}].scene`, i + 1, errors));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, tour: { format: TOUR_FORMAT_VERSION, title: json.title as string, steps }, scenes };
}

function readStep(raw: unknown, at: string, n: number, errors: string[], ctx: TourContext): TourStep {
  const err = (field: string, msg: string) => errors.push(`${at}.${field} (step ${n}): ${msg}`);
  if (!isObj(raw)) {
    errors.push(`${at} (step ${n}): a step is an object with "title", "text" and "scene"`);
    return { title: '', text: '', scene: {} };
  }
  for (const k of Object.keys(raw))
    if (!['title', 'text', 'scene', 'predict', '$comment'].includes(k)) err(k, 'not a field of a step');
  if (typeof raw.title !== 'string' || raw.title.trim() === '') err('title', 'a non-empty text is required');
  if (typeof raw.text !== 'string' || raw.text.trim() === '') err('text', 'a non-empty text is required');
  else for (const e of placeholderErrors(raw.text)) err('text', e);
  const scene = isObj(raw.scene) ? readScene(raw.scene, (f, m) => err(`scene.${f}`, m), ctx) : {};
  if (!isObj(raw.scene)) err('scene', 'an object is required ({} keeps the step before)');
  const predict =
    raw.predict === undefined ? undefined : readPredict(raw.predict, (f, m) => err(`predict${f}`, m), ctx);
  return {
    title: String(raw.title ?? ''),
    text: String(raw.text ?? ''),
    scene,
    ...(predict && { predict }),
  };
}

type Err = (field: string, message: string) => void;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string, err: Err): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  err(field, `${str(v)} is not one of ${allowed.join(', ')}`);
  return undefined;
}

function intIn(v: unknown, min: number, max: number, field: string, err: Err): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  err(field, `${str(v)} is not a whole number in ${min}–${max}`);
  return undefined;
}

function sizeOf(v: unknown, field: string, err: Err): number | undefined {
  if (v === undefined) return undefined;
  const parsed = typeof v === 'number' ? parseSize(String(v)) : typeof v === 'string' ? parseSize(v) : null;
  if (!parsed || !parsed.ok) {
    err(field, parsed && !parsed.ok ? parsed.error : `${str(v)} is not a size (64, "4K", "1M")`);
    return undefined;
  }
  const { min, max } = LIMITS.sizeBytes;
  if (parsed.bytes < min || parsed.bytes > max) {
    err(field, `${parsed.bytes} bytes is outside ${min}–${max}`);
    return undefined;
  }
  return parsed.bytes;
}

function readScene(raw: Obj, err: Err, ctx: TourContext): SceneInput {
  for (const k of Object.keys(raw))
    if (!SCENE_FIELDS.includes(k)) err(k, `not a field of a scene (${SCENE_FIELDS.join(', ')})`);
  const params = raw.params === undefined ? undefined : readParams(raw.params, err);
  const speedUs = raw.speedUsPerSec;
  if (
    speedUs !== undefined &&
    !(typeof speedUs === 'number' && speedUs * 1000 >= SPEED_LIMITS.min && speedUs * 1000 <= SPEED_LIMITS.max)
  )
    err(
      'speedUsPerSec',
      `${str(speedUs)} is not a number in ${SPEED_LIMITS.min / 1000}–${SPEED_LIMITS.max / 1000}`,
    );
  if (raw.play !== undefined && typeof raw.play !== 'boolean')
    err('play', `${str(raw.play)} is not true or false`);
  const highlight = raw.highlight;
  if (highlight !== undefined) {
    if (!Array.isArray(highlight)) err('highlight', 'a list of box names such as "dom0/netback" is required');
    else
      highlight.forEach((h, i) => {
        if (typeof h !== 'string' || !HIGHLIGHT_RE.test(h))
          err(
            `highlight[${i}]`,
            `${str(h)} is not a box name such as "dom0/netback", "h0/xen/evtchn" or "switch"`,
          );
      });
  }
  return {
    mode: oneOf(raw.mode, MODES, 'mode', err),
    op: oneOf(raw.op, OPS, 'op', err),
    workload: oneOf(raw.workload, WORKLOADS, 'workload', err),
    sizeBytes: sizeOf(raw.size, 'size', err),
    vms: intIn(raw.vms, LIMITS.pairs.min, LIMITS.pairs.max, 'vms', err),
    params,
    speedUsPerSec: typeof speedUs === 'number' ? speedUs : undefined,
    tab: oneOf(raw.tab, ctx.tabs, 'tab', err),
    message: intIn(raw.message, 0, LIMITS.messages.max, 'message', err),
    pauseAt: raw.pauseAt === undefined ? undefined : readPause(raw.pauseAt, err),
    play: raw.play === true ? true : undefined,
    focus: oneOf(raw.focus, ['diagram', 'charts'] as const, 'focus', err),
    highlight: Array.isArray(highlight)
      ? highlight.filter((h): h is string => typeof h === 'string')
      : undefined,
  };
}

function readParams(raw: unknown, err: Err): Record<string, number> | undefined {
  if (!isObj(raw)) {
    err('params', 'an object of model constants such as {"coalUs": 10} is required');
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) {
    const problem = typeof value === 'number' ? checkParam(name, value) : `${name} must be a number`;
    if (problem) err(`params.${name}`, problem);
    else out[name] = value as number;
  }
  return out;
}

function readPause(raw: unknown, err: Err): PauseAt | undefined {
  const form = 'use {"us": 120}, {"message": 1, "in": "dom0/netback"} or {"message": 1, "arrived": true}';
  if (!isObj(raw)) {
    err('pauseAt', form);
    return undefined;
  }
  const keys = Object.keys(raw).sort().join(',');
  if (keys === 'us') {
    if (typeof raw.us === 'number' && raw.us >= 0 && Number.isFinite(raw.us)) return { us: raw.us };
    err('pauseAt.us', `${str(raw.us)} is not a time ≥ 0 in µs`);
    return undefined;
  }
  const message = intIn(raw.message, 0, LIMITS.messages.max, 'pauseAt.message', err);
  if (keys === 'arrived,message') {
    if (raw.arrived !== true) err('pauseAt.arrived', 'must be true');
    return message === undefined || raw.arrived !== true ? undefined : { message, arrived: true };
  }
  if (keys === 'in,message' || keys === 'host,in,message') {
    const host = intIn(raw.host, 0, 64, 'pauseAt.host', err);
    if (typeof raw.in !== 'string' || !/^[a-z0-9]+\/[a-z0-9-]+$/.test(raw.in)) {
      err('pauseAt.in', `${str(raw.in)} is not a box such as "dom0/netback"`);
      return undefined;
    }
    return message === undefined ? undefined : { message, in: raw.in, ...(host !== undefined && { host }) };
  }
  err('pauseAt', `${str(raw)}: ${form}`);
  return undefined;
}

function readPredict(raw: unknown, err: Err, ctx: TourContext): Predict | undefined {
  if (!isObj(raw)) {
    err('', 'an object with "question", "metric", "mode" and "sizes" is required');
    return undefined;
  }
  for (const k of Object.keys(raw))
    if (!['question', 'metric', 'mode', 'sizes'].includes(k)) err(`.${k}`, 'not a field of a prediction');
  if (typeof raw.question !== 'string' || raw.question.trim() === '')
    err('.question', 'a non-empty text is required');
  const metric = oneOf(raw.metric, PREDICT_METRICS, '.metric', err);
  const mode = oneOf(raw.mode, MODES, '.mode', err);
  if (raw.metric === undefined) err('.metric', `one of ${PREDICT_METRICS.join(', ')} is required`);
  if (raw.mode === undefined) err('.mode', 'a mode is required');
  const sizes: number[] = [];
  if (!Array.isArray(raw.sizes) || raw.sizes.length < 2)
    err('.sizes', 'a list of at least two sizes is required');
  else
    raw.sizes.forEach((s, i) => {
      const bytes = sizeOf(s, `.sizes[${i}]`, err);
      if (bytes === undefined) return;
      if (ctx.sweepSizes && !ctx.sweepSizes.includes(bytes))
        err(`.sizes[${i}]`, `${bytes} B is not a size the sweep runs (${ctx.sweepSizes.join(', ')})`);
      sizes.push(bytes);
    });
  if (sizes.some((s, i) => i > 0 && s <= sizes[i - 1])) err('.sizes', 'sizes must grow from first to last');
  if (!metric || !mode || typeof raw.question !== 'string') return undefined;
  return { question: raw.question, metric, mode, sizesBytes: sizes };
}

/** Settings that are each valid but not together (the link checks the same): pktgen's modes and frames. */
function checkCombination(scene: Scene, at: string, n: number, errors: string[]): void {
  const s = scene.settings;
  if (s.workload === 'pktgen' && !MODE_DESCRIPTORS[s.mode].pktgen)
    errors.push(`${at}.workload (step ${n}): pktgen runs on ${PKTGEN_MODES.join(', ')}, not ${s.mode}`);
  if (s.workload === 'pktgen' && !isPktgenFrame(s.sizeBytes))
    errors.push(
      `${at}.size (step ${n}): a pktgen frame is ${LIMITS.pktgenFrameBytes.min}–${LIMITS.pktgenFrameBytes.max} bytes, not ${s.sizeBytes}`,
    );
  if (s.workload === 'pktgen' && scene.pauseAt && 'message' in scene.pauseAt)
    errors.push(`${at}.pauseAt (step ${n}): pktgen sends packets, not messages; pause at {"us": …}`);
}
