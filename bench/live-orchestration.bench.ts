// Benchmark: orchestration of the article scenario under the `realistic` latency profile (AWS-like
// delays: boot, SSM agent registration, command delivery and run, shutdown), time-scaled so it runs in
// seconds: the mock divides its delays by SCALE and the harness's clock runs SCALE× faster, so the run
// sees real-world durations. Compares the run's duration with the critical-path lower bound computed
// from the profile (target ≤ 1.15×) and counts API calls per probe (no tight polling).
import { join, resolve } from 'node:path';
import { startMockTarget } from '../mocks/mock-target';
import { loadConfig } from '../src/target/config/load-config';
import { resolveTarget } from '../src/target/target';
import { runScenario } from '../src/harness/run/run-scenario';
import { articleSpec } from '../src/reliability/article-spec';
import { scaledClock } from '../src/target/wait';
import { realisticLatency } from '../src/world';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const SCALE = Number(process.env.BENCH_SCALE ?? 10);

const spec = articleSpec();

async function main(): Promise<void> {
  const profile = realisticLatency(SCALE);
  const real = realisticLatency(1);
  const target = await startMockTarget(resolve(__dirname, '..', 'fixtures', 'snapshots', 'harness-before-runs'), profile);
  Object.assign(process.env, target.env);
  const root = mkdtempSync(join(tmpdir(), 'vmc-reach-orch-'));
  try {
    const { config } = await loadConfig();
    const settings = resolveTarget({ ...config, region: target.world.region }, process.env);
    const clock = scaledClock(SCALE);
    const t0 = clock.now();
    const result = await runScenario(spec, { runId: 'bench-orch', settings, root, clock });
    const runMs = clock.now() - t0;
    const probes = result.probes.length;
    // Critical path: the instances boot together and their agents register; each probe needs delivery,
    // the agent's pick-up, the run and the ping itself (2 s reachable: 3 echoes 1 s apart; 3 s blocked:
    // the last echo's 1 s wait); teardown waits for one shutdown (all instances terminate together).
    const pingMs = result.probes.map((p) => (p.observed.kind === 'ran' && p.observed.reachable ? 2_000 : 3_000));
    const perProbe = real.commandVisibleMs + real.commandPendingMs + real.commandRunMs;
    const lowerBound =
      real.instanceBootMs + real.agentRegistrationMs + pingMs.reduce((a, b) => a + b + perProbe, 0) + real.instanceShutdownMs;
    const calls = target.ctx.faults.calls;
    const polls = calls.filter((c) => c.operation === 'GetCommandInvocation').length;
    console.log(`orchestration under the realistic profile (time-scaled ×${SCALE}; durations below are in the profile's real-world time)`);
    for (const p of result.probes) console.log(`  ${p.label}: ${p.outcome} ${p.reasons.join('; ')}`);
    console.log(
      `probes: ${probes} (${result.probes.filter((p) => p.outcome === 'passed').length} passed)${result.error ? `; error: ${result.error}` : ''}`,
    );
    console.log(
      `run: ${(runMs / 1000).toFixed(1)} s; critical-path lower bound: ${(lowerBound / 1000).toFixed(1)} s; ratio ${(runMs / lowerBound).toFixed(2)}× (target ≤ 1.15×)`,
    );
    console.log(
      `API calls: ${calls.length} in all, ${(calls.length / probes).toFixed(1)} per probe; GetCommandInvocation polls per probe: ${(polls / probes).toFixed(1)}`,
    );
  } finally {
    target.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
