// The embedded mock around one scenario file, whoever runs it (jest's set-up file mocks/scenario-setup.ts,
// or `vmc-reach run`'s in-process runner): loads the mock world from its snapshot (VMC_REACH_MOCK_WORLD,
// checked by `vmc-reach run`, else the config's mock.world), serves it in-process (MSW), and hands the
// harness the mock's own settings (region, CSP token, org and SDDC ids, instance profile) through
// supplyMockSettings, never the environment's, so the live code path runs on the mock (its clients with
// the mock's in-process transports). At the end it checks that the world holds nothing the run created
// and that every resource the run did not create is exactly as it was (the default SG's rules included),
// and writes the outcome to <report dir>/world-checks/ when run by `vmc-reach run`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../src/target/config/load-config';
import { snapshotFiles } from '../src/snapshot';
import { instantLatency, realisticLatency } from '../src/world';
import { leftovers } from './leftovers';
import { startMockTarget, type MockTarget } from './mock-target';
import { LabClient } from '../src/lab/lab-client';
import { labScriptRunner } from './aws/ssm/lab-script-runner';
import { mockWorldDir } from '../src/cli/project-root';
import { supplyMockSettings } from '../src/target/target';

export interface MockSession {
  target: MockTarget;
  lab?: LabClient;
  before: Map<string, string>;
}

/** Starts the mock for one scenario file, or returns undefined when the configured target is live. */
export async function startMockSession(): Promise<MockSession | undefined> {
  const { config } = await loadConfig();
  if (config.target !== 'mock') return undefined;
  const latency = config.mock.latency === 'realistic' ? realisticLatency(Number(process.env.VMC_REACH_LATENCY_SCALE ?? 100)) : instantLatency;
  const target = await startMockTarget(process.env.VMC_REACH_MOCK_WORLD ?? mockWorldDir(config.mock.world), latency);
  supplyMockSettings(target.env, target.transport);
  const session: MockSession = { target, before: snapshotFiles(target.world, { description: 'before' }) };
  if (process.env.VMC_REACH_DATAPLANE === 'lab') {
    // Real packets: SSM commands run in the lab, a separate process (never MSW and Docker in one).
    session.lab = await LabClient.start({ ...(process.env.VMC_REACH_LAB_BACKEND === 'container' ? { backend: 'container' as const } : {}) });
    await session.lab.build(target.world);
    target.world.ssm.scriptRunner = labScriptRunner(session.lab);
    // Only now may the harness label transcripts as the lab's: its packets are about to be real.
    supplyMockSettings({ ...target.env, VMC_REACH_DATAPLANE: 'lab' }, target.transport);
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
  supplyMockSettings(undefined);
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
