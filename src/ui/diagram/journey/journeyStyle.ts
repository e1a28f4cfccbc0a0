import type { CSSProperties } from 'react';
import { DOMAIN_COLOURS, THEME } from '../theme.ts';
import type { CostDomain, CostKind } from './journeyAnalysis.ts';

/** Waiting is drawn hatched everywhere: time in which no CPU works on the message. */
const HATCH = (colour: string) => `repeating-linear-gradient(135deg, ${colour} 0 3px, transparent 3px 7px)`;

/**
 * How each kind of cost is painted, in the journey's bars and in its by-kind total: Okabe–Ito
 * colours, and waiting hatched, so the kinds stay apart without colour too (each also has a label).
 */
export const KIND_PAINT: Readonly<Record<CostKind, CSSProperties>> = {
  wait: { background: HATCH(THEME.dim), boxShadow: `inset 0 0 0 1px ${THEME.dim}` },
  signal: { background: '#cc79a7' },
  coalesce: { background: '#e69f00' },
  cpu: { background: '#56b4e9' },
  nic: { background: '#f0e442' },
  wire: { background: HATCH('#f4f7fb'), boxShadow: 'inset 0 0 0 1px #f4f7fb' },
  gap: { background: THEME.line },
};

/** Each domain in the colour of its box on the diagram (the wire striped, to tell it from the NIC). */
export const DOMAIN_PAINT: Readonly<Record<CostDomain, CSSProperties>> = {
  vm: { background: DOMAIN_COLOURS.vm.stroke },
  linux: { background: DOMAIN_COLOURS.linux.stroke },
  xen: { background: DOMAIN_COLOURS.xen.stroke },
  dom0: { background: DOMAIN_COLOURS.dom0.stroke },
  stubdom: { background: DOMAIN_COLOURS.stubdom.stroke },
  nic: { background: DOMAIN_COLOURS.nic.stroke },
  net: {
    background: HATCH(DOMAIN_COLOURS.net.stroke),
    boxShadow: `inset 0 0 0 1px ${DOMAIN_COLOURS.net.stroke}`,
  },
  gap: { background: THEME.line },
};

/** Type sizes of the journey, in rem (a larger UI scale enlarges them), never below the theme's minimum. */
export const JOURNEY_TYPE = {
  body: 'max(0.92rem, var(--text-min, 0px))',
  small: 'max(0.85rem, var(--text-min, 0px))',
  head: 'max(1.1rem, var(--text-min, 0px))',
} as const;
