// The SSM store of a new world: no commands. It holds state only; what scripts print is decided by
// the runner whoever settles commands passes (see ScriptRunner and refuse-scripts.ts).
import type { SsmStores } from './types';

export const createSsmStores = (): SsmStores => ({ commands: new Map() });
