export type ParamGroup = 'topology' | 'wire & NIC' | 'Xen' | 'guest & TCP' | 'driver domain' | 'framework';

export interface ParamSpec {
  readonly name: string;
  readonly unit: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (counts, bytes, switches). */
  readonly integer?: boolean;
  readonly group: ParamGroup;
  readonly description: string;
  /** A citation, or "assumption" with the reasoning behind the value. */
  readonly source: string;
}

/** The source of a default calibrated in the cost model, not measured. */
export const A = 'assumption (calibrated default, cost-model §2)';
