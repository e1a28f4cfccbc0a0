import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../store/settings.ts';
import { scenarioText } from '../export/caption.ts';
import { abDiagramLabel } from './abDiagramLabel.ts';

const a: Settings = { ...DEFAULT_SETTINGS, mode: 'pv-tcp', sizeBytes: 64 };

describe('the label over each of the two diagrams', () => {
  it('names the side and its scenario as the captions do, the parts that differ marked', () => {
    const b: Settings = { ...a, mode: 'zero-copy' };
    const la = abDiagramLabel('A', a, b);
    expect(la.text).toBe(`A · ${scenarioText(a)}`);
    expect(la.text).toMatch(/^A · .*\(pv-tcp\), .*64 B/);
    expect(la.parts.filter((p) => p.changed).map((p) => p.text)).toEqual([la.parts[0].text]);
    const lb = abDiagramLabel('B', b, a);
    expect(lb.text).toBe(`B · ${scenarioText(b)}`);
    expect(lb.parts[0]).toEqual({ text: lb.parts[0].text, changed: true });
    expect(lb.parts[0].text).toContain('(zero-copy)');
    // A projector's label: what differs only.
    expect(lb.brief.map((p) => p.text)).toEqual([lb.parts[0].text]);
  });

  it('adds what the scenario text does not name: a different seed and constants set differently', () => {
    const b: Settings = { ...a, seed: a.seed + 1, params: { coalUs: 10 } };
    const lb = abDiagramLabel('B', b, a);
    expect(lb.text).toBe(`B · ${scenarioText(b)}, seed ${a.seed + 1}, coalUs=10`);
    expect(lb.parts.filter((p) => p.changed).map((p) => p.text)).toEqual([`seed ${a.seed + 1}`, 'coalUs=10']);
    // A names its own values of the same things, so both labels show the difference.
    const la = abDiagramLabel('A', a, b);
    expect(la.parts.filter((p) => p.changed).map((p) => p.text)).toEqual([
      `seed ${a.seed}`,
      expect.stringMatching(/^coalUs=\d/),
    ]);
  });

  it('marks nothing when the two are the same scenario (the speed is not part of it)', () => {
    const lb = abDiagramLabel('B', { ...a, speedNsPerSec: 1 }, a);
    expect(lb.parts.some((p) => p.changed)).toBe(false);
    expect(lb.text).toBe(`B · ${scenarioText(a)}`);
    expect(lb.brief).toEqual(lb.parts);
  });
});
