import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * `npm run bench`: runs every section in bench/sections/*.ts in name order and prints a table, or,
 * with `--json`, exactly one JSON object (every section's fields merged) and nothing else on stdout.
 * A section exports `title` and `run(): Promise<Record<string, number | string>>`; adding a file
 * there adds a section, without editing this runner. `--only engine,model` runs just the sections
 * whose file names (without .ts) are listed.
 */
interface Section {
  title: string;
  run(): Promise<Record<string, number | string>>;
}

const json = process.argv.includes('--json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const sectionsDir = new URL('./sections/', import.meta.url);

async function loadSections(): Promise<{ file: string; section: Section }[]> {
  const files = readdirSync(sectionsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .filter((f) => !only || only.has(f.slice(0, -'.ts'.length)))
    .sort();
  if (only && files.length === 0) throw new Error(`bench: no section named ${[...only].join(', ')}`);
  const loaded = [];
  for (const file of files) {
    const mod = (await import(new URL(file, sectionsDir).href)) as Partial<Section>;
    if (typeof mod.run !== 'function') throw new Error(`bench/sections/${file} exports no run()`);
    loaded.push({ file, section: { title: mod.title ?? file, run: mod.run } });
  }
  return loaded;
}

function formatValue(v: number | string): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
}

function printTable(title: string, fields: Record<string, number | string>): void {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(fields).map((k) => k.length));
  for (const [k, v] of Object.entries(fields))
    console.log(`  ${k.padEnd(width)}  ${formatValue(v).padStart(14)}`);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  // Other work on the machine slows every figure: the load average says how far to trust a run.
  const loadAverageAtStart = Math.round(loadavg()[0] * 100) / 100;
  // In JSON mode stdout carries the one object only: anything a section logs goes to stderr.
  const log = console.log;
  if (json) console.log = console.error;
  const merged: Record<string, number | string> = {};
  try {
    for (const { file, section } of await loadSections()) {
      const fields = await section.run();
      for (const key of Object.keys(fields)) {
        if (key in merged) console.error(`bench: ${file} overwrites field ${key}`);
      }
      Object.assign(merged, fields);
      if (!json) printTable(section.title, fields);
    }
  } finally {
    console.log = log;
  }
  const totals = {
    // maxRSS is in KiB: the largest resident set of the whole run, every section included.
    peakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    totalSeconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10,
    loadAverageAtStart,
    loadAverageAtEnd: Math.round(loadavg()[0] * 100) / 100,
  };
  Object.assign(merged, totals);
  if (json) console.log(JSON.stringify(merged));
  else printTable('Process', totals);
}

await main();
