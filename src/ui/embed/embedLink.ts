/**
 * Embed mode in the link: `?embed=1&view=<view>` shows one view alone, to fill an iframe in a slide
 * deck. Pure: the page's own flags are read in embedMode.ts.
 */
import { CHART_TAB_KEYS } from '../../store/appStore.ts';
import { clip } from '../../store/link/fields.ts';

export const EMBED_KEY = 'embed';
export const VIEW_KEY = 'view';

/** The views a slide may embed: the diagram, or any tab of the charts (a sweep, the journey, the timeline…). */
export const EMBED_VIEWS = ['diagram', ...CHART_TAB_KEYS] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

export type EmbedRequest =
  | { readonly ok: true; readonly view: EmbedView }
  /** A `view` that is not one of EMBED_VIEWS: the page says so instead of guessing. */
  | { readonly ok: false; readonly raw: string; readonly message: string };

const isView = (v: string): v is EmbedView => (EMBED_VIEWS as readonly string[]).includes(v);

/**
 * Null when the link does not ask for embed mode (`embed=1`). With no `view`, the diagram: it is
 * what the app is about, and `?embed=1` alone should show something.
 */
export function decodeEmbed(search: string): EmbedRequest | null {
  const q = new URLSearchParams(search);
  if (q.get(EMBED_KEY) !== '1') return null;
  const raw = q.get(VIEW_KEY);
  if (raw === null) return { ok: true, view: 'diagram' };
  if (isView(raw)) return { ok: true, view: raw };
  return {
    ok: false,
    raw,
    message: `"${VIEW_KEY}=${clip(raw)}" is not a view that can be embedded. Use one of: ${EMBED_VIEWS.join(', ')} (for example ?${EMBED_KEY}=1&${VIEW_KEY}=diagram).`,
  };
}

/** The same page and state as `href`, as the full app: the embed flags removed, everything else kept. */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(EMBED_KEY);
  url.searchParams.delete(VIEW_KEY);
  return url.toString();
}
