// Two runs against one served world at once. In-process: both pass every probe and leave nothing. Then
// two child processes killed mid-run (SIGKILL), each once it owns something: each run's resources carry its own id, and
// `vmc-reach reap --run A --yes` removes A's only (B's are all still there), then B's reap cleans up.
import { spawn } from 'node:child_process';
import { articleSpec } from './article-spec';
import { bundleChild } from './child-bundle';
import { ownedBy } from './owned-by';
import { reapRun } from './reap-cli';
import { runOnce } from './run-once';
import { serveWorld } from './served-world';
import { checkWorld } from './world-check';

export interface ConcurrencyReport {
  concurrentRuns: { runId: string; passed: boolean; error?: string; failures?: string[] }[];
  leaksAfterRuns: string[];
  killed: { runId: string; owned: number }[];
  /** Resources of the other run that a reap removed (must be none). */
  crossReaped: string[];
  leaksAfterReaps: string[];
}

export async function concurrencyCheck(root: string, killAtTotalCalls = 200): Promise<ConcurrencyReport> {
  const w = await serveWorld();
  try {
    const ids = ['conc-a', 'conc-b'];
    const runs = await Promise.all(ids.map((runId) => runOnce(articleSpec(), { runId, root, world: w })));
    const concurrentRuns = runs.map((r, i) => ({
      runId: ids[i]!,
      passed: !r.result.error && r.result.probes.every((p) => p.outcome === 'passed'),
      ...(r.result.error ? { error: r.result.error } : {}),
      failures: r.result.probes.filter((p) => p.outcome !== 'passed').map((p) => `${p.label}: ${p.outcome} (${p.reasons.join('; ')})`),
    }));
    const leaksAfterRuns = checkWorld(w.world, w.before).leaks;

    const bundle = bundleChild();
    const killIds = ['conc-kill-a', 'conc-kill-b'];
    const start = w.ctx.faults.calls.length;
    const children = killIds.map((runId) =>
      spawn(process.execPath, [bundle.file, runId, root], {
        env: { PATH: process.env.PATH ?? '', ...bundle.env, ...w.env },
        stdio: 'ignore',
      }),
    );
    // Each child is killed mid-run: once the world holds something its run created (so the reap has
    // something to find), or at the latest when the two together have made killAtTotalCalls calls. A child
    // is watched on its own: one that starts slower than the other is not killed before it owns anything.
    const take = w.ctx.faults.take.bind(w.ctx.faults);
    const killed = new Set<number>();
    w.ctx.faults.take = (service, operation) => {
      const f = take(service, operation);
      const late = w.ctx.faults.calls.length - start >= killAtTotalCalls;
      children.forEach((c, i) => {
        if (killed.has(i) || !(late || ownedBy(w.world, killIds[i]!).length > 0)) return;
        killed.add(i);
        c.kill('SIGKILL');
      });
      return f;
    };
    await Promise.all(children.map((c) => new Promise((r) => c.on('close', r))));
    w.ctx.faults.take = take;
    const ownedA = ownedBy(w.world, killIds[0]!);
    const ownedB = ownedBy(w.world, killIds[1]!);
    await reapRun(killIds[0]!, { cwd: root, env: w.env });
    const afterA = ownedBy(w.world, killIds[1]!);
    const crossReaped = ownedB.filter((x) => !afterA.includes(x));
    const leftOfA = ownedBy(w.world, killIds[0]!);
    await reapRun(killIds[1]!, { cwd: root, env: w.env });
    return {
      concurrentRuns,
      leaksAfterRuns,
      killed: [
        { runId: killIds[0]!, owned: ownedA.length },
        { runId: killIds[1]!, owned: ownedB.length },
      ],
      crossReaped: [...crossReaped, ...leftOfA.map((x) => `${x} (run A's, left by its own reap)`)],
      leaksAfterReaps: checkWorld(w.world, w.before).leaks,
    };
  } finally {
    await w.close();
  }
}
