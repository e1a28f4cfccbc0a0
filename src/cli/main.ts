import { UsageError } from './args.ts';
import { execute } from './commands.ts';

// The command line: prints results on stdout, problems on stderr with exit code 2.
try {
  process.stdout.write(`${execute(process.argv.slice(2))}\n`);
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
