import { main } from './entry.ts';

/** Runs the command line in-process (for tests): what it printed and its exit status. */
export async function sim(argv: readonly string[], opts: { dryRun?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, opts);
  return { code, stdout, stderr };
}
