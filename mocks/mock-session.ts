// The embedded mock around one scenario file, whoever runs it (jest's set-up file mocks/scenario-setup.ts,
// or `vmc-reach run`'s in-process runner): loads the mock world from the snapshot folder its caller names,
// serves it in-process (MSW), and returns the mock's own settings (region, CSP token, org and SDDC ids,
// instance profile), which the caller hands to the harness (src/target's supplyMockSettings), never
// through the environment, so the live code path runs on the mock. Its options come from the caller too
// (src/target/config/mock-world.ts reads them from the run's configuration): the mock reads no harness
// configuration. At the end it checks that the world holds nothing the run created and that every
// resource the run did not create is exactly as it was (the default SG's rules included), and writes the
// outcome to <report dir>/world-checks/ when run by `vmc-reach run`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { snapshotFiles } from '../src/snapshot';
import type { LatencyProfile } from '../src/world';
import { leftovers } from './leftovers';
import { startMockTarget, type MockTarget } from './mock-target';
import { LabClient } from '../src/lab/lab-client';
import { labScriptRunner } from './aws/ssm/lab-script-runner';

export interface MockSessionOptions {
  /** The snapshot folder the world is loaded from (src/target/config/mock-world.ts builds these from the config). */
  worldDir: string;
  latency: LatencyProfile;
  /** `lab`: SSM commands run for real in the lab (a separate process); `model`: answered from the engine's verdict. */
  dataplane: 'model' | 'lab';
  labBackend: 'netns' | 'container';
}

export interface MockSession {
  target: MockTarget;
  lab?: LabClient;
  before: Map<string, string>;
  /** What the harness needs to reach this mock; VMC_REACH_DATAPLANE=lab when the lab runs the commands. */
  settings: Record<string, string>;
}

/** Starts the mock for one scenario file. */
export async function startMockSession(options: MockSessionOptions): Promise<MockSession> {
  const target = await startMockTarget(options.worldDir, options.latency);
  const session: MockSession = { target, before: snapshotFiles(target.world, { description: 'before' }), settings: target.env };
  if (options.dataplane === 'lab') {
    // Real packets: SSM commands run in the lab, a separate process (never MSW and Docker in one).
    session.lab = await LabClient.start({ ...(options.labBackend === 'container' ? { backend: 'container' as const } : {}) });
    await session.lab.build(target.world);
    target.world.ssm.scriptRunner = labScriptRunner(session.lab);
    // Only now may the harness label transcripts as the lab's: its packets are about to be real.
    session.settings = { ...target.env, VMC_REACH_DATAPLANE: 'lab' };
  }
  return session;
}

/** Stops the mock; what the run left changed in the world (empty when nothing), also written for `vmc-reach run`. */
export async function endMockSession(session: MockSession | undefined, file: string): Promise<string[]> {
  await session?.lab?.close();
  if (process.env.VMC_REACH_DEBUG_CALLS === '1' && session) {
    const byOp = new Map<string, number>();
    for (const c of session.target.ctx.faults.calls) byOp.set(`${c.service} ${c.operation}`, (byOp.get(`${c.service} ${c.operation}`) ?? 0) + 1);
    process.stderr.write(`[vmc-reach] ${session.target.ctx.faults.calls.length} API calls: ${[...byOp].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(', ')}\n`);
  }
  session?.target.close();
  if (!session) return [];
  const left = leftovers(session.target.world, session.before);
  // For `vmc-reach run` (and its signal test): the check's outcome per scenario file, beside the results.
  const reportDir = process.env.VMC_REACH_REPORT_DIR;
  if (reportDir) {
    mkdirSync(join(reportDir, 'world-checks'), { recursive: true });
    writeFileSync(join(reportDir, 'world-checks', `${basename(file, '.ts')}.json`), `${JSON.stringify({ file, leftovers: left }, null, 2)}\n`);
  }
  return left;
}

/** The error a file's leftovers make, or undefined. */
export const leftoversError = (left: readonly string[]): Error | undefined => (left.length > 0 ? new Error(`the run left the mock world changed:\n  ${left.join('\n  ')}`) : undefined);
