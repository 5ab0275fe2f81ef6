// The foreign-resource check: a world holding a customer's resources (foreign-resources.ts) gets a clean
// run, a run that fails (NotFound on a CGW rule's PATCH), a run killed with
// SIGKILL then reaped from its ledger, and a `reap --yes` over every ledger; after each, every foreign
// resource's JSON must equal what it was, and the run must have left nothing.
import type { CallRecord } from '../../mocks/faults';
import { articleSpec } from './article-spec';
import { bundleChild } from './child-bundle';
import { foreignChanges, foreignJson, createForeignResources } from './foreign-resources';
import { runCli } from './reap-cli';
import { runOnce } from './run-once';
import { serveWorld } from './served-world';
import { signalPoint } from './signal-matrix';
import { checkWorld } from './world-check';
import { snapshotFiles } from '../snapshot';

export interface ForeignReport {
  resources: number;
  /** One line per situation: what ran, foreign resources changed, leaks. */
  situations: { name: string; changed: string[]; leaks: string[] }[];
}

export async function foreignCheck(root: string, killAt: CallRecord): Promise<ForeignReport> {
  const w = await serveWorld();
  try {
    const ids = await createForeignResources(w.env, w.world);
    const before = foreignJson(w.world, ids);
    const baseline = snapshotFiles(w.world, { description: 'before' });
    const situations: ForeignReport['situations'] = [];
    const record = (name: string): void => {
      situations.push({ name, changed: foreignChanges(before, foreignJson(w.world, ids)), leaks: checkWorld(w.world, baseline).leaks });
    };
    await runOnce(articleSpec(), { runId: 'foreign-clean', root, world: w });
    record('clean run');
    // A failed run: NotFound on the CGW rule's PATCH ends provisioning; teardown removes what was made.
    w.ctx.faults.add({ service: 'nsx', operation: 'PATCH rule', fault: 'not-found' });
    const failed = await runOnce(articleSpec(), { runId: 'foreign-failed', root, world: w });
    if (!failed.result.error) throw new Error('the failing run did not fail: the foreign check would prove nothing');
    record('failed run');
    // Killed with SIGKILL at the clean run's call `killAt` (counted from here), then reaped.
    w.ctx.faults.clear();
    const killed = await signalPoint(bundleChild(), 'SIGKILL', { ...killAt, index: w.ctx.faults.calls.length + killAt.index }, root, w);
    if (!killed.sent) throw new Error('the SIGKILL point was not reached');
    record('SIGKILL then reap --run');
    const reapAll = await runCli(['reap', '--yes'], { cwd: root, env: w.env });
    if (reapAll.code !== 0) throw new Error(`reap --yes failed: ${reapAll.stderr}`);
    record('reap --yes (every ledger)');
    return { resources: before.size, situations };
  } finally {
    await w.close();
  }
}
