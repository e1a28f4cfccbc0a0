import type { ChartPoint, SweepRequest } from './sweeps.ts';

/** Messages from the page to the sweep worker. */
export type ToWorker =
  | { readonly kind: 'sweep'; readonly id: number; readonly request: SweepRequest }
  | { readonly kind: 'cancel'; readonly id: number };

/** Messages from the sweep worker to the page. */
export type FromWorker =
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly kind: 'result'; readonly id: number; readonly points: ChartPoint[] }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };
