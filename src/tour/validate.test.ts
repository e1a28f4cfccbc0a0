import { describe, expect, it } from 'vitest';
import { PKTGEN_SIZES, SWEEP_SIZES } from '../model/figures.ts';
import { PKTGEN_MODES } from '../model/modes.ts';
import { chartModes } from '../store/sweepSync.ts';
import { layoutDiagram } from '../ui/diagram/layout/layout.ts';
import { CHART_TAB_ORDER } from '../ui/panels/chartTabs.tsx';
import { parsePlaceholder, splitPlaceholders, type ValueRef } from './placeholders.ts';
import { highlightedBoxIds } from './scene.ts';
import { checkTour, type TourContext } from './validate.ts';
import posterTourText from '../../public/tours/poster.json?raw';
import formatDoc from '../../docs/tour-format.md?raw';

const CTX: TourContext = { tabs: CHART_TAB_ORDER, sweepSizes: SWEEP_SIZES };
const poster = () => JSON.parse(posterTourText);
const errorsOf = (json: unknown) => {
  const r = checkTour(json, CTX);
  return r.ok ? [] : r.errors;
};
/** A copy of the poster's tour with one step's scene changed. */
function withScene(i: number, patch: Record<string, unknown>) {
  const t = poster();
  t.steps[i].scene = { ...t.steps[i].scene, ...patch };
  return t;
}

describe("the poster's tour file", () => {
  const checked = checkTour(poster(), CTX);
  it('is valid and tells the story in 8–12 steps', () => {
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    if (!checked.ok) return;
    expect(checked.tour.steps.length).toBeGreaterThanOrEqual(8);
    expect(checked.tour.steps.length).toBeLessThanOrEqual(12);
    // At least the guest CPU on the framework, and one more, are predicted before they are shown.
    const predicted = checked.tour.steps.flatMap((s) =>
      s.predict ? [`${s.predict.metric}:${s.predict.mode}`] : [],
    );
    expect(predicted).toContain('cpu.vm:zero-copy');
    expect(predicted.length).toBeGreaterThanOrEqual(2);
  });

  it("highlights and pauses only at boxes its step's diagram has", () => {
    if (!checked.ok) throw new Error('invalid tour');
    checked.scenes.forEach((scene, i) => {
      const s = scene.settings;
      const layout = layoutDiagram({
        width: 800,
        height: 560,
        mode: s.mode,
        workload: s.workload,
        op: s.op,
        vmsPerHost: s.vms,
        linkGbps: 10,
      });
      const ids = layout.boxes.map((b) => b.id);
      for (const h of scene.highlight)
        expect(highlightedBoxIds([h], ids), `step ${i + 1} highlight ${h}`).not.toEqual([]);
      const at = scene.pauseAt;
      if (at && 'in' in at) {
        const box = `h${at.host ?? 0}/${at.in}`;
        expect(ids, `step ${i + 1} pauses in ${box}`).toContain(box);
        expect(layout.boxes.find((b) => b.id === box)?.used, `step ${i + 1}: ${box} is on the route`).toBe(
          true,
        );
      }
    });
  });

  it("states model numbers only at points its step's sweep computes", () => {
    if (!checked.ok) throw new Error('invalid tour');
    checked.tour.steps.forEach((step, i) => {
      const refs: ValueRef[] = splitPlaceholders(step.text)
        .filter((p) => p.placeholder)
        .flatMap((p) => {
          const r = parsePlaceholder(p.text);
          if (!r.ok) throw new Error(r.error);
          return r.value.kind === 'value' ? [r.value.ref] : [r.value.a, r.value.b];
        });
      for (const ref of refs) {
        if (ref.kind !== 'model') continue;
        const where = `step ${i + 1}: ${ref.metric}.${ref.mode}.${ref.sizeBytes}`;
        if (ref.metric === 'pktgen') {
          expect(PKTGEN_MODES, where).toContain(ref.mode);
          expect(PKTGEN_SIZES, where).toContain(ref.sizeBytes);
        } else {
          expect(chartModes(checked.scenes[i].settings.mode), where).toContain(ref.mode);
          expect(SWEEP_SIZES, where).toContain(ref.sizeBytes);
        }
      }
    });
  });

  it('types no number about the model into its text: only placeholders and the poster state them', () => {
    if (!checked.ok) throw new Error('invalid tour');
    for (const step of checked.tour.steps) {
      const prose = splitPlaceholders(step.text)
        .filter((p) => !p.placeholder)
        .map((p) => p.text)
        .join(' ');
      // Message numbers (#2), sizes (64-byte, 4 MiB, 1514-byte) and the poster's labels (b₁) may be typed.
      const stripped = prose.replace(/#\d+|\b\d+(-byte|\s?[KM]iB|\s?B\b|\s?GbE)/g, '');
      expect(stripped, step.title).not.toMatch(/\d+(\.\d+)?\s*(µs|MiB\/s|×|%)/);
    }
  });
});

describe('a tour with problems is refused, each problem named by its field', () => {
  it('names a bad choice, an unknown field and a bad placeholder with the step', () => {
    const t = withScene(1, { mode: 'warp', colour: 'red' });
    t.steps[2].text = 'It takes {latency.pv-tcp} one way.';
    const errors = errorsOf(t);
    expect(errors).toContain(
      'steps[1].scene.mode (step 2): "warp" is not one of native, dom0, pv-tcp, zero-copy, hw-offload, stub-domain, sr-iov',
    );
    expect(errors.join('\n')).toMatch(/steps\[1\]\.scene\.colour \(step 2\): not a field of a scene/);
    expect(errors.join('\n')).toMatch(
      /steps\[2\]\.text \(step 3\): "\{latency\.pv-tcp\}" is not a placeholder/,
    );
  });

  it('names a combination the app refuses: pktgen on the framework', () => {
    const errors = errorsOf(withScene(5, { mode: 'zero-copy' }));
    expect(errors).toEqual([
      'steps[5].scene.workload (step 6): pktgen runs on native, dom0, pv-tcp, not zero-copy',
    ]);
  });

  it('names a pause it cannot read, a size and a prediction at a size the sweep does not run', () => {
    const t = withScene(0, { pauseAt: { message: 1, inside: 'netback' }, size: '12X' });
    t.steps[6].predict.sizes = [64, 100];
    const errors = errorsOf(t).join('\n');
    expect(errors).toMatch(/steps\[0\]\.scene\.pauseAt \(step 1\): .*use \{"us": 120\}/);
    expect(errors).toMatch(/steps\[0\]\.scene\.size \(step 1\): "12X" is not a size/);
    expect(errors).toMatch(/steps\[6\]\.predict\.sizes\[1\] \(step 7\): 100 B is not a size the sweep runs/);
  });

  it('says what a file that is not a tour is', () => {
    expect(errorsOf([1, 2])[0]).toMatch(/not a JSON object/);
    expect(errorsOf({ format: 2, title: 'x', steps: [] })).toEqual([
      'format: expected 1, got 2',
      'steps: a list of at least one step is required',
    ]);
  });
});

describe('the format document', () => {
  it('its example tour is a valid tour', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(formatDoc)![1];
    const r = checkTour(JSON.parse(example), CTX);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
