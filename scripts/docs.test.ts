import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paramTable, posterTable, replaceBetween } from './docsTables.ts';

/** docs/model.md's generated tables cannot drift from the schema and the model. */
describe('docs/model.md', () => {
  const text = readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8');
  it('has the parameter table of the schema', () => {
    expect(replaceBetween(text, 'params', paramTable())).toBe(text);
  });
  it('has the model-vs-poster table the model produces now', () => {
    expect(replaceBetween(text, 'poster', posterTable())).toBe(text);
  });
});
