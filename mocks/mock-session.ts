// The embedded mock around one scenario file, whoever runs it (jest's set-up file mocks/scenario-setup.ts,
// or `vmc-reach run`'s in-process runner): loads the mock world from the snapshot folder its caller names,
// serves it in-process (MSW), and returns the mock's own settings (region, CSP token, org and SDDC ids,
// instance profile), which the caller hands to the harness (src/target's supplyMockSettings), never
// through the environment, so the live code path runs on the mock (its clients with the mock's in-process
// transports, target.transport). Its options come from the caller too
// (src/target/config/mock-world.ts reads them from the run's configuration): the mock reads no harness
// configuration. At the end it checks that the world holds nothing the run created and that every
// resource the run did not create is exactly as it was (the default SG's rules included), and writes the
// outcome to <report dir>/world-checks/ when run by `vmc-reach run`.
import '../src/async-dispose';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { snapshotFiles } from '../src/snapshot';
import type { World } from '../src/world';
import type { MockWorldOptions } from '../src/target/config/mock-world';
import { leftovers } from './leftovers';
import { loadMockTargetWorld, serveMockTarget, type MockTarget } from './mock-target';
import { LabClient } from '../src/lab/lab-client';
import { labScriptRunner } from './aws/ssm/lab-script-runner';
import { engineScriptRunner } from './aws/ssm/script-runner';

/** What a session starts from: the world folder, latency, data plane and lab backend, as `mockWorldOptions` builds them from the config. */
export type MockSessionOptions = MockWorldOptions;

/** A started session; disposing it stops the lab and the mock (endMockSession also checks leftovers). */
export interface MockSession extends AsyncDisposable {
  target: MockTarget;
  lab?: LabClient;
  before: Map<string, string>;
  /** What the harness needs to reach this mock; VMC_REACH_DATAPLANE=lab when the lab runs the commands. */
  settings: Record<string, string>;
}

/** Starts the mock for one scenario file. */
export async function startMockSession(options: MockSessionOptions): Promise<MockSession> {
  const world = await loadMockTargetWorld(options.worldDir, options.latency);
  const before = snapshotFiles(world, { description: 'before' });
  // Real packets: SSM commands run in the lab, a separate process (never MSW and Docker in one), built
  // before the mock serves so the context is created with the lab's runner.
  const lab = options.dataplane === 'lab' ? await startLab(world, options.labBackend) : undefined;
  const target = serveMockTarget(world, lab ? labScriptRunner(lab) : engineScriptRunner);
  return {
    target,
    ...(lab ? { lab } : {}),
    before,
    // The harness labels transcripts as the lab's only with the lab: its packets are real.
    settings: lab ? { ...target.env, VMC_REACH_DATAPLANE: 'lab' } : target.env,
    async [Symbol.asyncDispose]() {
      await lab?.close();
      target.close();
    },
  };
}

/** The lab, built for the world (closed again if the build fails). */
async function startLab(world: World, backend: MockSessionOptions['labBackend']): Promise<LabClient> {
  const lab = await LabClient.start({ ...(backend === 'container' ? { backend: 'container' as const } : {}) });
  try {
    await lab.build(world);
  } catch (e) {
    await lab.close();
    throw e;
  }
  return lab;
}

/** Stops the mock; what the run left changed in the world (empty when nothing), also written for `vmc-reach run`. */
export async function endMockSession(session: MockSession | undefined, file: string): Promise<string[]> {
  if (!session) return [];
  await session[Symbol.asyncDispose]();
  if (process.env.VMC_REACH_DEBUG_CALLS === '1') {
    const byOp = new Map<string, number>();
    for (const c of session.target.ctx.faults.calls)
      byOp.set(`${c.service} ${c.operation}`, (byOp.get(`${c.service} ${c.operation}`) ?? 0) + 1);
    process.stderr.write(
      `[vmc-reach] ${session.target.ctx.faults.calls.length} API calls: ${[...byOp]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k}×${v}`)
        .join(', ')}\n`,
    );
  }
  const left = leftovers(session.target.world, session.before);
  // For `vmc-reach run` (and its signal test): the check's outcome per scenario file, beside the results.
  const reportDir = process.env.VMC_REACH_REPORT_DIR;
  if (reportDir) {
    mkdirSync(join(reportDir, 'world-checks'), { recursive: true });
    writeFileSync(
      join(reportDir, 'world-checks', `${basename(file, '.ts')}.json`),
      `${JSON.stringify({ file, leftovers: left }, null, 2)}\n`,
    );
  }
  return left;
}

/** The error a file's leftovers make, or undefined. */
export const leftoversError = (left: readonly string[]): Error | undefined =>
  left.length > 0 ? new Error(`the run left the mock world changed:\n  ${left.join('\n  ')}`) : undefined;
