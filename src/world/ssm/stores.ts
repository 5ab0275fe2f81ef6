// The SSM store of a new world: no commands, and a script runner that refuses everything until the
// mock installs the engine-backed one (a mock that says yes by default is worse than none).
import type { ScriptRunner, SsmStores } from './types';

/** The default runner: every script fails, saying why, with a non-zero exit code. */
export const refuseScripts: ScriptRunner = () => ({
  stdout: '',
  stderr: 'vmc-reach mock: this world has no script runner installed, so the command is not supported by the mock\n',
  exitCode: 127,
  durationMs: 0,
});

export const createSsmStores = (): SsmStores => ({ commands: new Map(), scriptRunner: refuseScripts });
