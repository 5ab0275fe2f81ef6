// The script runner used when none is given: every script fails, saying why, with a non-zero exit
// code (a mock that says yes by default is worse than none).
import type { ScriptRunner } from '../world';

/** The default runner: every script fails, saying why, with a non-zero exit code. */
export const refuseScripts: ScriptRunner = () => ({
  stdout: '',
  stderr: 'vmc-reach mock: this world has no script runner installed, so the command is not supported by the mock\n',
  exitCode: 127,
  durationMs: 0,
});
