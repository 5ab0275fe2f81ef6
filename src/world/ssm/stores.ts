// The SSM store of a new world: no commands. It holds state only; what scripts print is decided by
// the runner whoever settles commands passes (see ScriptRunner in world.ts and refuse-scripts.ts).
// The types come from ./types only (not the World's SsmStores, which would import world.ts back).
import type { Command } from './types';

export const createSsmStores = () => ({ commands: new Map<string, Command>() });
