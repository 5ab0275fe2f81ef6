// Jest set-up for scenarios/*.scenario.ts on the mock target: loads the mock world from its snapshot
// (VMC_REACH_MOCK_WORLD, checked by `vmc-reach run`, else the config's mock.world), serves it in-process
// (MSW), and hands the harness the mock's own settings (region, CSP token, org and SDDC ids, instance
// profile) through supplyMockSettings, never the environment's, so the live code path runs on the mock.
// After the file's scenarios it checks that the world holds nothing the run created and that every
// resource the run did not create is exactly as it was (the default SG's rules included), and writes the
// outcome to <report dir>/world-checks/ when run by `vmc-reach run`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { loadConfig } from '../src/harness/config/load-config';
import { snapshotFiles } from '../src/snapshot';
import { instantLatency, realisticLatency } from '../src/world';
import { leftovers } from './leftovers';
import { startMockTarget, type MockTarget } from './mock-target';
import { LabClient } from '../src/lab/lab-client';
import { labScriptRunner } from './aws/ssm/lab-script-runner';
import { mockWorldDir } from '../src/cli/project-root';
import { supplyMockSettings } from '../src/harness/target';

let target: MockTarget | undefined;
let lab: LabClient | undefined;
let before: Map<string, string> | undefined;

beforeAll(async () => {
  const { config } = await loadConfig();
  if (config.target !== 'mock') return;
  const latency = config.mock.latency === 'realistic' ? realisticLatency(Number(process.env.VMC_REACH_LATENCY_SCALE ?? 100)) : instantLatency;
  target = await startMockTarget(process.env.VMC_REACH_MOCK_WORLD ?? mockWorldDir(config.mock.world), latency);
  supplyMockSettings(target.env);
  before = snapshotFiles(target.world, { description: 'before' });
  if (process.env.VMC_REACH_DATAPLANE === 'lab') {
    // Real packets: SSM commands run in the lab, a separate process (never MSW and Docker in one).
    lab = await LabClient.start({ ...(process.env.VMC_REACH_LAB_BACKEND === 'container' ? { backend: 'container' as const } : {}) });
    await lab.build(target.world);
    target.world.ssm.scriptRunner = labScriptRunner(lab);
    // Only now may the harness label transcripts as the lab's: its packets are about to be real.
    supplyMockSettings({ ...target.env, VMC_REACH_DATAPLANE: 'lab' });
  }
}, 120_000);

afterAll(async () => {
  await lab?.close();
  if (process.env.VMC_REACH_DEBUG_CALLS === '1' && target) {
    const byOp = new Map<string, number>();
    for (const c of target.ctx.faults.calls) byOp.set(`${c.service} ${c.operation}`, (byOp.get(`${c.service} ${c.operation}`) ?? 0) + 1);
    process.stderr.write(`[vmc-reach] ${target.ctx.faults.calls.length} API calls: ${[...byOp].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(', ')}\n`);
  }
  target?.close();
  supplyMockSettings(undefined);
  if (!target || !before) return;
  const left = leftovers(target.world, before);
  // For `vmc-reach run` (and its signal test): the check's outcome per scenario file, beside the results.
  const reportDir = process.env.VMC_REACH_REPORT_DIR;
  if (reportDir) {
    const file = expect.getState().testPath ?? 'unknown';
    mkdirSync(join(reportDir, 'world-checks'), { recursive: true });
    writeFileSync(join(reportDir, 'world-checks', `${basename(file, '.ts')}.json`), `${JSON.stringify({ file, leftovers: left }, null, 2)}\n`);
  }
  if (left.length > 0) throw new Error(`the run left the mock world changed:\n  ${left.join('\n  ')}`);
});
