import { categoryStyles } from '../../charts/index.ts';
import { CATEGORIES, HW_STAGES, type HwStage } from '../../model/categories.ts';
import { DOMAIN_COLOURS, THEME } from '../diagram/theme.ts';
import { CATEGORY_ORDER } from '../panels/chartData.ts';

/**
 * A span's colour by its category: CPU categories exactly as the CPU chart paints them (the same
 * `categoryStyles` over the same category order), hardware stages in the diagram's NIC and wire
 * colours, waiting in the faint ink (it is not CPU time).
 */
const CPU_STYLES = categoryStyles(CATEGORY_ORDER);

const HW_COLOURS: Readonly<Record<HwStage, string>> = {
  'nic-tx': DOMAIN_COLOURS.nic.stroke,
  dma: '#8fa7c0',
  wire: DOMAIN_COLOURS.net.stroke,
  'nic-rx': DOMAIN_COLOURS.nic.stroke,
  coalesce: '#8a9bb0',
  firmware: DOMAIN_COLOURS.nic.stroke,
  latency: THEME.faint,
};

export function spanColour(category: string): string {
  const cpu = CPU_STYLES.get(category);
  if (cpu) return cpu.color;
  return Object.hasOwn(HW_COLOURS, category) ? HW_COLOURS[category as HwStage] : THEME.dim;
}

/** A category's name for people ("grant copy", "PCIe DMA"). */
export function categoryLabel(category: string): string {
  if (Object.hasOwn(CATEGORIES, category)) return CATEGORIES[category as keyof typeof CATEGORIES].label;
  if (Object.hasOwn(HW_STAGES, category)) return HW_STAGES[category as HwStage].label;
  return category;
}

/** Whether a colour is light enough that text on it should be dark. */
export function isLight(hex: string): boolean {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 140;
}

export const TIMELINE_THEME = {
  bg: THEME.bg,
  panel: THEME.panel,
  ink: THEME.ink,
  dim: THEME.dim,
  faint: THEME.faint,
  line: THEME.line,
  accent: THEME.accent,
  font: THEME.font,
  counter: '#56b4e9',
  /** Ticks of a ring's level and the event channel's pending flag. */
  evtchn: '#cc79a7',
} as const;
