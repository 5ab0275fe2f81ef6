// The SSM store of a new world: no commands, and a script runner that refuses everything until the
// mock installs the engine-backed one (a mock that says yes by default is worse than none).
// The types come from ./types only (not the World's ScriptRunner and SsmStores, which would import
// world.ts back): a runner that ignores its arguments is a ScriptRunner.
import type { Command, ScriptResult } from './types';

/** The default runner: every script fails, saying why, with a non-zero exit code. */
export const refuseScripts = (): ScriptResult => ({
  stdout: '',
  stderr: 'vmc-reach mock: this world has no script runner installed, so the command is not supported by the mock\n',
  exitCode: 127,
  durationMs: 0,
});

export const createSsmStores = () => ({ commands: new Map<string, Command>(), scriptRunner: refuseScripts });
