// The vmc-reach CLI as bin/vmc-reach.cjs runs it (main, exit code, internal errors on stderr), as an
// entry point child-bundle.ts can build once: the bad-input corpus starts dozens of CLI processes.
import { main } from '../cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`vmc-reach: internal error (please report it): ${err?.stack ?? String(err)}\n`);
    process.exitCode = 70;
  },
);
