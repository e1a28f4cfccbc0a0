import { EXIT_FAILED, main } from './entry.ts';

// The command line: results on stdout; problems on stderr, on one line, with exit status 2 for a
// refused command line and 1 for a failure (entry.ts). A closed pipe (`| head`) ends quietly.
process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('unexpected error\n');
    process.exitCode = EXIT_FAILED;
  },
);
