/**
 * Colours and type of the I/O-path diagram: a dark, high-contrast theme for projectors. Domain colours
 * come from the Okabe–Ito palette (safe for the common colour-vision deficiencies), and nothing is told by
 * colour alone: boxes carry names, tokens carry shapes, lamps are filled or hollow.
 */
export const THEME = {
  bg: '#0b1420',
  panel: '#132233',
  ink: '#f4f7fb',
  dim: '#b9c6d6',
  faint: '#6f8196',
  line: '#3a5068',
  accent: '#f2a900',
  /** The data arrow d₁ and other data moving without the CPU. */
  data: '#56b4e9',
  warn: '#ff8c5a',
  font: "system-ui, 'DejaVu Sans', 'Liberation Sans', sans-serif",
} as const;

/** Stroke and tint per kind of domain (the box frames). */
export const DOMAIN_COLOURS = {
  vm: { stroke: '#56b4e9', fill: '#12304a' },
  dom0: { stroke: '#2bc4a0', fill: '#0f3333' },
  stubdom: { stroke: '#e69f00', fill: '#3a2c0e' },
  linux: { stroke: '#2bc4a0', fill: '#0f3333' },
  xen: { stroke: '#d98cc0', fill: '#331b33' },
  nic: { stroke: '#c9d3df', fill: '#1c2735' },
  net: { stroke: '#c9d3df', fill: '#1c2735' },
} as const;

export type ColourKey = keyof typeof DOMAIN_COLOURS;

/** Token colours, one per message id (mod the length): bright on the dark panel and on the amber path. */
export const TOKEN_COLOURS = [
  '#56b4e9',
  '#f0e442',
  '#e59fce',
  '#2bc4a0',
  '#f4f7fb',
  '#ff8c5a',
  '#a9c7ff',
] as const;

/** Opacity of the parts of the picture a mode does not use. */
export const FADED_OPACITY = 0.25;
