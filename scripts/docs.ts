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

const check = process.argv.includes('--check');

/** Writes `text` to `path` (from the project's root), or with `--check` fails when it differs. */
function writeOrCheck(path: string, text: string): void {
  const file = new URL(`../${path}`, import.meta.url);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!check) {
    writeFileSync(file, text);
    console.log(`${path} written`);
  } else if (text !== before) {
    console.error(`${path} is out of date: run \`npm run docs\``);
    process.exit(1);
  } else console.log(`${path} is up to date`);
}

const model = readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8');
writeOrCheck(
  'docs/model.md',
  replaceBetween(replaceBetween(model, 'params', paramTable()), 'poster', posterTable()),
);
writeOrCheck('docs/validation.md', `${validationMarkdown()}\n`);
writeOrCheck('src/worker/knownRuns.json', knownRunsJson());
