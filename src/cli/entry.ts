import { UsageError } from './args.ts';

/** Where the command line writes; the tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Exit statuses: done, failed (a required validation row, or an unexpected error), refused. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** `text` on one line: a newline or other control character inside a quoted word is shown escaped. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Runs the command line and returns its exit status. Never throws and never prints a stack trace:
 * a refusal is one line on stderr with status 2, anything unexpected one line with status 1.
 * `dryRun` reads and checks the whole command line but runs nothing (for tests of the reader).
 */
export async function main(
  argv: readonly string[],
  io: Io,
  opts: { dryRun?: boolean } = {},
): Promise<number> {
  try {
    // Loaded here so that even a failure to load the model is reported on one line.
    const { plan } = await import('./commands.ts');
    const command = plan(argv);
    if (opts.dryRun) return EXIT_OK;
    const { output, exitCode } = command.run();
    io.out(`${output}\n`);
    return exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    // Its first line only: what follows may be a stack, which is for developers, not for users.
    io.err(`unexpected error: ${oneLine(what.split('\n', 1)[0])}\n`);
    return EXIT_FAILED;
  }
}
