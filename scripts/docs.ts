/**
 * Regenerates the generated parts of docs/model.md: the parameter table (from the schema) and the
 * model-vs-poster table (from runs of the model), docs/validation.md whole (from `validate`), and the
 * default settings' sweep the page starts with (src/worker/knownRuns.json).
 * `npm run docs` writes; `--check` fails on drift.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { paramTable, posterTable, replaceBetween } from './docsTables.ts';
import { knownRunsJson } from './knownRunsFile.ts';
import { validationMarkdown } from './validationDoc.ts';

const file = new URL('../docs/model.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = replaceBetween(replaceBetween(before, 'params', paramTable()), 'poster', posterTable());
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('docs/model.md is out of date: run `npm run docs`');
    process.exit(1);
  }
  console.log('docs/model.md is up to date');
} else {
  writeFileSync(file, after);
  console.log('docs/model.md written');
}

const validationFile = new URL('../docs/validation.md', import.meta.url);
const validationBefore = existsSync(validationFile) ? readFileSync(validationFile, 'utf8') : '';
const validationAfter = `${validationMarkdown()}\n`;
if (process.argv.includes('--check')) {
  if (validationAfter !== validationBefore) {
    console.error('docs/validation.md is out of date: run `npm run docs`');
    process.exit(1);
  }
  console.log('docs/validation.md is up to date');
} else {
  writeFileSync(validationFile, validationAfter);
  console.log('docs/validation.md written');
}

const knownRunsFile = new URL('../src/worker/knownRuns.json', import.meta.url);
const knownBefore = existsSync(knownRunsFile) ? readFileSync(knownRunsFile, 'utf8') : '';
const knownAfter = knownRunsJson();
if (process.argv.includes('--check')) {
  if (knownAfter !== knownBefore) {
    console.error('src/worker/knownRuns.json is out of date: run `npm run docs`');
    process.exit(1);
  }
  console.log('src/worker/knownRuns.json is up to date');
} else {
  writeFileSync(knownRunsFile, knownAfter);
  console.log('src/worker/knownRuns.json written');
}
