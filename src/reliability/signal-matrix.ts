// The signal matrix: for every call index of the clean run and each of SIGINT, SIGTERM and SIGKILL, a
// child process runs the article scenario against a world served by this process (the world survives
// the child), and gets the signal when that call reaches the mock. SIGINT/SIGTERM must end in the child's
// own teardown (exit 130/143); after SIGKILL, `vmc-reach reap --run <id> --yes` finishes from the ledger.
// Then the world check: nothing the run created is left, the default SG's rules are the original.
import { spawn } from 'node:child_process';
import type { CallRecord } from '../../mocks/faults';
import { bundleChild, type ChildBundle } from './child-bundle';
import { pool } from './pool';
import { reapRun } from './reap-cli';
import { serveWorld, type ServedWorld } from './served-world';
import { checkWorld } from './world-check';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
export const stopSignals: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGKILL'];

export interface SignalPoint {
  signal: StopSignal;
  index: number;
  call: string;
  /** The signal was sent (the run reached that call). */
  sent: boolean;
  exitCode: number | null;
  exitSignal: string | null;
  /** SIGKILL only: reap's exit code. */
  reapCode?: number | null;
  leaks: string[];
  defaultSgRestored: boolean;
  /** SIGINT/SIGTERM: the child exited non-zero (130/143) by itself, after its teardown. */
  handled: boolean;
}

function runChild(
  bundle: ChildBundle,
  runId: string,
  root: string,
  env: Record<string, string>,
  onSpawn: (kill: (s: StopSignal) => void) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle.file, runId, root], {
      env: { PATH: process.env.PATH ?? '', ...bundle.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onSpawn((s) => child.kill(s));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** One point: against `world` when given (left open, call indexes absolute), else a fresh served world. */
export async function signalPoint(
  bundle: ChildBundle,
  signal: StopSignal,
  call: CallRecord,
  root: string,
  world?: ServedWorld,
): Promise<SignalPoint> {
  const w = world ?? (await serveWorld());
  const runId = `sig-${signal.toLowerCase()}-${call.index}`;
  const take = w.ctx.faults.take.bind(w.ctx.faults);
  try {
    let kill: (s: StopSignal) => void = () => undefined;
    let sent = false;
    w.ctx.faults.take = (service, operation) => {
      const fault = take(service, operation);
      if (w.ctx.faults.calls.length - 1 === call.index) {
        sent = true;
        kill(signal); // while this call is in flight: it is answered after the signal
      }
      return fault;
    };
    const r = await runChild(bundle, runId, root, w.env, (k) => (kill = k));
    const reap = signal === 'SIGKILL' ? await reapRun(runId, { cwd: root, env: w.env }) : undefined;
    const check = checkWorld(w.world, w.before);
    const handled = signal === 'SIGKILL' || (r.signal === null && r.code === (signal === 'SIGINT' ? 130 : 143));
    return {
      signal,
      index: call.index,
      call: `${call.service} ${call.operation}`,
      sent,
      exitCode: r.code,
      exitSignal: r.signal,
      ...(reap ? { reapCode: reap.code } : {}),
      ...check,
      handled,
    };
  } finally {
    w.ctx.faults.take = take;
    if (!world) await w.close();
  }
}

export async function signalMatrix(
  calls: readonly CallRecord[],
  o: { root: string; signals?: readonly StopSignal[]; concurrency?: number; onPoint?: (p: SignalPoint) => void },
): Promise<{ points: SignalPoint[]; wallMs: number }> {
  const t0 = Date.now();
  const bundle = bundleChild();
  const jobs = (o.signals ?? stopSignals).flatMap((signal) => calls.map((call) => ({ signal, call })));
  const points = await pool(jobs, o.concurrency ?? 3, async ({ signal, call }) => {
    const p = await signalPoint(bundle, signal, call, o.root);
    o.onPoint?.(p);
    return p;
  });
  return { points, wallMs: Date.now() - t0 };
}
