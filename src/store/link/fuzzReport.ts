/**
 * FUZZ_REPORT=1: the fuzz tests print how many cases failed and how, grouped by the kind of failure
 * (its words up to the first quoted or numeric detail), with the first case of each kind.
 */
export function report(
  what: string,
  tried: number,
  failed: readonly { n: number; search: string; why: string[] }[],
): void {
  const kinds = new Map<string, { count: number; first: string }>();
  for (const f of failed)
    for (const w of f.why) {
      const kind = w.replace(/"[^"]*"|=\S*|\d+/g, '…').slice(0, 90);
      const k = kinds.get(kind) ?? { count: 0, first: `#${f.n} ${f.search.slice(0, 200)}` };
      k.count++;
      kinds.set(kind, k);
    }
  const lines = [`${what}: ${tried} tried, ${tried - failed.length} passed, ${failed.length} failed`];
  for (const [kind, k] of kinds) lines.push(`  ${k.count} × ${kind}\n      first: ${k.first}`);
  console.log(lines.join('\n'));
}

/** An environment variable of the test run (FUZZ_SEED, FUZZ_REPORT), read without Node's types. */
export function fuzzEnv(name: string): string | undefined {
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
}
