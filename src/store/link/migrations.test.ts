import { describe, expect, it } from 'vitest';
import type { Settings } from '../settings.ts';
import { decodeLink, encodeLink } from '../urlState.ts';
import fixtures from './fixtures.v1.json' with { type: 'json' };
import { DEFAULT_VIEW } from './linkState.ts';
import { LINK_FORMAT_VERSION, MIGRATIONS, migrate } from './migrations.ts';

/** Real v=1 links, as the v=1 encoder wrote them (fixtures.v1.json), with the settings that made them. */
const V1 = fixtures as { name: string; link: string; settings: Settings }[];
const BIG = V1.find((f) => f.settings.sizeBytes > 4 * 1024 * 1024)!;

describe('old links upgrade step by step', () => {
  it('has one migration per version step', () => {
    expect(MIGRATIONS).toHaveLength(LINK_FORMAT_VERSION - 1);
  });

  it('v=1 → v=2 keeps every key of a real v=1 link and says v=2', () => {
    for (const f of V1) {
      const before = new URLSearchParams(f.link);
      const { query, notes } = MIGRATIONS[0](before);
      expect(query.get('v'), f.name).toBe('2');
      if (f === BIG) continue;
      expect(notes, f.name).toEqual([]);
      for (const [k, v] of before) if (k !== 'v') expect(query.get(k), `${f.name}: ${k}`).toBe(v);
    }
  });

  it('every real v=1 link opens the settings it was made from, at the start, with no problem', () => {
    for (const f of V1.filter((f) => f !== BIG)) {
      const d = decodeLink(f.link);
      expect(d.problems, f.name).toEqual([]);
      expect(d.settings, f.name).toEqual(f.settings);
      expect(d.view, f.name).toEqual(DEFAULT_VIEW);
    }
  });

  it('a v=1 size above 4 MiB becomes 4 MiB, said in a note', () => {
    expect(BIG.link).toContain('v=1&');
    const d = decodeLink(BIG.link);
    expect(d.settings).toEqual({ ...BIG.settings, sizeBytes: 4 * 1024 * 1024 });
    expect(d.problems).toEqual([
      'size: 67108864 came from a v=1 link, which went to 64 MiB; this version goes to 4 MiB: using 4 MiB.',
    ]);
  });

  it('keys v=1 ignored stay ignored in a v=1 link, named', () => {
    const d = decodeLink(`${V1[0].link}&tab=journey&t=5000`);
    expect(d.view).toEqual(DEFAULT_VIEW);
    expect(d.problems).toEqual([
      'tab: not part of a v=1 link, ignored as v=1 ignored it.',
      't: not part of a v=1 link, ignored as v=1 ignored it.',
    ]);
  });

  it('the view flags of a v=1 link (presenter, tour) pass through', () => {
    const f = V1.find((x) => x.link.includes('presenter=1'))!;
    const { query } = migrate(new URLSearchParams(f.link), 1);
    expect(query.get('presenter')).toBe('1');
    expect(query.get('tour')).toBe('4');
  });

  it('a v=1 link, upgraded and written again, is a v=2 link of the same settings', () => {
    for (const f of V1.filter((x) => x !== BIG)) {
      const again = decodeLink(encodeLink({ settings: decodeLink(f.link).settings, view: DEFAULT_VIEW }));
      expect(again.problems).toEqual([]);
      expect(again.settings).toEqual(f.settings);
    }
  });
});
