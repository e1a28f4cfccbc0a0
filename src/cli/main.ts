import { UsageError } from './args.ts';
import { executeWithStatus } from './commands.ts';

// The command line: prints results on stdout, problems on stderr with exit code 2; a command may
// ask for another status (validate: 1 when a required row fails).
try {
  const { output, exitCode } = executeWithStatus(process.argv.slice(2));
  process.stdout.write(`${output}\n`);
  process.exitCode = exitCode;
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
