import { describe, expect, it } from 'vitest';
import { CATEGORIES, HW_STAGES, type Station } from '../../model/categories.ts';
import { PARAMS, PARAM_BY_NAME } from '../../model/params.ts';
import { PART_LABELS, STATION_LABELS } from '../diagram/layout/grid.ts';
import { PART_TOPICS, STATION_TOPICS, VCPU_TOPIC, type Topic } from './topics.ts';

/** Every station the model's vocabulary names (where CPU work and hardware stages happen). */
const STATIONS = new Set<Station>([
  ...Object.values(CATEGORIES).map((c) => c.station),
  ...Object.values(HW_STAGES).map((s) => s.station),
]);

const ALL_TOPICS: [string, Topic][] = [
  ...Object.entries(STATION_TOPICS),
  ...Object.entries(PART_TOPICS),
  ['vcpu', VCPU_TOPIC],
];

const sentences = (text: string) => text.split(/[.!?](?:\s+|$)/).filter((s) => s.trim() !== '').length;

describe('card topics', () => {
  it('has a text for every station of the model and every box the diagram labels', () => {
    expect(new Set(Object.keys(STATION_TOPICS))).toEqual(STATIONS);
    expect(new Set(Object.keys(STATION_TOPICS))).toEqual(new Set(Object.keys(STATION_LABELS)));
    expect(new Set(Object.keys(PART_TOPICS))).toEqual(new Set(Object.keys(PART_LABELS)));
  });

  it.each(ALL_TOPICS)('%s: says it in two or three sentences', (_, topic) => {
    const n = sentences(topic.text);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(3);
  });

  it.each(ALL_TOPICS)('%s: names only parameters of the schema, each once', (_, topic) => {
    for (const name of topic.params) expect(PARAM_BY_NAME.has(name), name).toBe(true);
    expect(new Set(topic.params).size).toBe(topic.params.length);
  });

  it('names every cost of the schema (a time, a per-byte cost or a rate) on some card', () => {
    const named = new Set(ALL_TOPICS.flatMap(([, t]) => t.params as readonly string[]));
    const costs = PARAMS.filter((p) => ['µs', 'ns/B', 'GB/s', 'Gb/s', '×'].includes(p.unit));
    expect(costs.length).toBeGreaterThan(40);
    expect(costs.map((p) => p.name).filter((n) => !named.has(n))).toEqual([]);
  });

  it("charges netback's own costs at netback, and the grant copy at the grant table", () => {
    expect(STATION_TOPICS.netback.params).toContain('nbTxUs');
    expect(STATION_TOPICS.netback.params).not.toContain('gcOpUs');
    expect(STATION_TOPICS.grant.params).toContain('gcOpUs');
  });
});
