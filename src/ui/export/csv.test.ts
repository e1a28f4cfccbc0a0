import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../store/settings.ts';
import { APP_ID } from './appInfo.ts';
import { csvDocument, csvMeta, type Table } from './csv.ts';

const table: Table = {
  columns: ['mode', 'label', 'size_bytes', 'latency (µs)'],
  rows: [
    ['pv-tcp', 'VM · TCP', 64, 76.7],
    ['odd', 'a "quoted", label', 1024, Number.NaN],
  ],
};

/** The comment lines as key → value, and the table under them. */
function parse(text: string) {
  const lines = text.trimEnd().split('\n');
  const meta = new Map(
    lines
      .filter((l) => l.startsWith('# '))
      .map((l) => {
        const i = l.indexOf('=');
        return [l.slice(2, i), l.slice(i + 1)] as const;
      }),
  );
  const rows = csvParseRows(lines.filter((l) => !l.startsWith('#')).join('\n'));
  return { meta, header: rows[0], rows: rows.slice(1) };
}

describe('CSV export', () => {
  it('states the parameters that produced it, then the header and one row per point', () => {
    const s = { ...DEFAULT_SETTINGS, mode: 'pv-tcp' as const, seed: 3, params: { coalUs: 10 } };
    const text = csvDocument(csvMeta({ id: 'latency', title: 'One-way latency' }, s, table), table);
    const { meta, header, rows } = parse(text);
    expect(text.startsWith('# figure=latency\n')).toBe(true);
    expect(meta.get('app')).toBe(APP_ID);
    expect(meta.get('mode')).toBe('pv-tcp');
    expect(meta.get('seed')).toBe('3');
    expect(meta.get('sizeBytes')).toBe('64');
    expect(meta.get('p.coalUs')).toBe('10');
    expect(meta.has('params')).toBe(false);
    expect(meta.get('rows')).toBe('2');
    expect(header).toEqual(table.columns);
    expect(rows).toEqual([
      ['pv-tcp', 'VM · TCP', '64', '76.7'],
      ['odd', 'a "quoted", label', '1024', ''],
    ]);
  });

  it('says when every constant has its default, and gives a still picture its time', () => {
    const { meta } = parse(
      csvDocument(csvMeta({ id: 'running', title: 't' }, DEFAULT_SETTINGS, table, { nowNs: 5000 }), table),
    );
    expect(meta.get('params')).toBe('defaults');
    expect(meta.get('nowNs')).toBe('5000');
  });

  it('keeps a parameter line on one line', () => {
    const text = csvDocument([['title', 'two\nlines']], { columns: ['a'], rows: [] });
    expect(text).toBe('# title=two lines\na\n');
  });
});
