import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
// The check runs the model itself: a test may reach past the UI's wall to compare the two.
// eslint-disable-next-line no-restricted-imports
import { routeCases, traceOf } from '../../../model/test/routeCases.ts';
import { spanStop, splitStop } from '../../../model/routes.ts';
import { IoPathDiagram } from '../IoPathDiagram.tsx';
import { resolveSpanBox, type SpanRecord } from '../tokens/tokens.ts';
import { layoutDiagram } from './layout.ts';

describe('the diagram of every mode, workload and op', () => {
  it('draws, as used, the box of every span the model traces, and puts its token there', () => {
    const wrong = new Set<string>();
    const drawn = new Map<string, Set<string>>();
    for (const c of routeCases()) {
      const key = `${c.mode} ${c.workload} ${c.op} ${c.pairs}`;
      const params = {
        width: 1000,
        height: 560,
        mode: c.mode,
        workload: c.workload,
        op: c.op,
        vmsPerHost: c.pairs,
      };
      const layout = layoutDiagram(params);
      let ids = drawn.get(key);
      if (!ids) {
        const html = renderToStaticMarkup(<IoPathDiagram {...params} layout={layout} />);
        ids = new Set([...html.matchAll(/data-box="([^"]+)"/g)].map((m) => m[1]));
        drawn.set(key, ids);
      }
      const seen = new Set<string>();
      for (const r of traceOf(c)) {
        if (r.kind !== 'span') continue;
        const at = spanStop(r);
        const sig = `${r.component}|${r.owner}|${r.category}`;
        if (seen.has(sig)) continue;
        seen.add(sig);
        const { place, station } = at ? splitStop(at.stop) : { place: '?', station: '?' };
        const id = at?.host === null ? 'switch' : `h${at?.host}/${place}/${station}`;
        const box = resolveSpanBox(layout, r as SpanRecord);
        const what = `${c.label}: ${r.category} (${r.label}) at ${id}`;
        if (!ids.has(id)) wrong.add(`${what}: not drawn`);
        else if (box?.id !== id) wrong.add(`${what}: token on ${box?.id}`);
        else if (!box.used) wrong.add(`${what}: drawn faded`);
      }
    }
    expect([...wrong].sort()).toEqual([]);
  }, 120_000);
});
