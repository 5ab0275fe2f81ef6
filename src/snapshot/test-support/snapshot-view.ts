// What of a world a snapshot carries, as options of the world dump (test code only): the DFW and the
// routes VMC has not realized yet are left out, and CGW rules are compared by id (their order is the
// files'). `dumpWorld(loaded, snapshotView)` equals `dumpWorld(original, snapshotView)` after a round trip.
import type { DumpOptions } from '../../world/test-support';

export const snapshotView: DumpOptions = { without: ['dfwPolicies', 'pendingRoutes'], unordered: ['cgwRules'] };
