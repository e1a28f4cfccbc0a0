import { OPENED_SEARCH, setViewFlag } from '../../store/urlState.ts';
import { EMBED_KEY, VIEW_KEY, decodeEmbed } from './embedLink.ts';

/** This page's embed request, from the link it was opened with (null: the full app). */
export const EMBED = decodeEmbed(OPENED_SEARCH);

// Kept in the link through every rewrite of the settings: a reload of the iframe stays embedded.
// Set when this module loads, before the link is first rewritten (main.tsx starts the URL sync
// after its imports have run).
if (EMBED) {
  setViewFlag(EMBED_KEY, '1');
  const raw = new URLSearchParams(OPENED_SEARCH).get(VIEW_KEY);
  if (raw !== null) setViewFlag(VIEW_KEY, raw);
}
