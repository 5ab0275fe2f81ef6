// The fault matrix: a clean run of the article's three cases gives the API call sequence; then, for every
// call and every fault kind, a fresh world gets that fault at exactly that call (a FaultPlan rule on the
// call's operation, after as many calls of it as the clean run made before) and the run goes on to teardown. Each point is checked: nothing
// the run created is left, the default SG's rules are the original exactly, the fault really fired.
import type { CallRecord, FaultKind } from '../../mocks/faults';
import type { ScenarioSpec } from '../harness/dsl/spec';
import { pool } from './pool';
import { runOnce } from './run-once';
import { serveWorld } from './served-world';

/**
 * The faults of issue 8 (throttling, a 5xx, a timeout, eventual-consistency NotFound, expired credentials)
 * and credentials refused as not valid. On AWS calls a timeout is an answer held past the clients' request
 * timeout, expired credentials are RequestExpired (EC2) / ExpiredTokenException (SSM), refused ones
 * AuthFailure / UnrecognizedClientException; on VMware calls, the 504 and 401s of mocks/vmc/faults.ts.
 */
export const matrixFaults: readonly FaultKind[] = ['throttle', 'server-error', 'timeout', 'not-found', 'expired-token', 'auth-failure'];

/**
 * The AWS clients' request timeout at the matrix's timeout points: short, so a held answer costs two
 * seconds, yet far above any answer of a loaded machine (a spurious timeout would shift the call indexes).
 */
export const matrixRequestTimeoutMs = 2_000;

export interface FaultPoint {
  fault: FaultKind;
  index: number;
  call: string;
  /** The injected call's answer kind: the fault as the service renders it, or refused as not applicable. */
  fired: boolean;
  /** How the run ended: passed (every probe passed), failed (a probe did not), error (aborted). */
  outcome: 'passed' | 'failed' | 'error';
  error?: string;
  leaks: string[];
  defaultSgRestored: boolean;
  teardownFailures: number;
}

export interface FaultMatrixReport {
  cleanCalls: CallRecord[];
  points: FaultPoint[];
  wallMs: number;
}

const outcomeOf = (r: Awaited<ReturnType<typeof runOnce>>['result']): FaultPoint['outcome'] =>
  r.error ? 'error' : r.probes.every((p) => p.outcome === 'passed') ? 'passed' : 'failed';

/** The clean run's API calls (also checks that a clean run passes and leaves nothing). */
export async function cleanCalls(spec: ScenarioSpec, root: string): Promise<CallRecord[]> {
  const w = await serveWorld();
  try {
    const r = await runOnce(spec, { runId: 'clean', root, world: w });
    if (outcomeOf(r.result) !== 'passed' || r.leaks.length > 0)
      throw new Error(`the clean run did not pass cleanly: ${r.result.error ?? ''} ${r.leaks.join('; ')}`);
    return [...w.ctx.faults.calls];
  } finally {
    await w.close();
  }
}

/** The first call of each operation (service and operation): every kind of call of the run, once. */
export const firstOfEachOperation = (calls: readonly CallRecord[]): CallRecord[] => {
  const seen = new Set<string>();
  return calls.filter((c) => !seen.has(`${c.service} ${c.operation}`) && seen.add(`${c.service} ${c.operation}`));
};

/**
 * How many calls of the same operation came before this one in the clean run. A point is aimed at "the
 * Nth DescribeNetworkAcls", not at a global call index: the run provisions the AWS and SDDC sides side by
 * side, so on a loaded machine their calls interleave differently and a global index can land on a call of
 * the other service (then the fault never fires), while each operation's own sequence stays the same.
 */
export const occurrence = (calls: readonly CallRecord[], call: CallRecord): number =>
  calls.filter((c) => c.index < call.index && c.service === call.service && c.operation === call.operation).length;

/** `at`: the calls to fault (default: every call of the clean run). */
export async function faultMatrix(
  spec: ScenarioSpec,
  o: {
    root: string;
    faults?: readonly FaultKind[];
    at?: (calls: readonly CallRecord[]) => CallRecord[];
    concurrency?: number;
    onPoint?: (p: FaultPoint) => void;
  },
): Promise<FaultMatrixReport> {
  const t0 = Date.now();
  const calls = await cleanCalls(spec, o.root);
  const faulted = o.at ? o.at(calls) : calls;
  const jobs = (o.faults ?? matrixFaults).flatMap((fault) => faulted.map((c) => ({ fault, call: c })));
  const points = await pool(jobs, o.concurrency ?? 4, async ({ fault, call }) => {
    const r = await runOnce(spec, {
      runId: `fm-${fault}-${call.index}`,
      root: o.root,
      faults: [{ service: call.service, operation: call.operation, fault, after: occurrence(calls, call) }],
      ...(fault === 'timeout' ? { requestTimeoutMs: matrixRequestTimeoutMs } : {}),
    });
    const p: FaultPoint = {
      fault,
      index: call.index,
      call: `${call.service} ${call.operation}`,
      fired: r.faulted.some((f) => f.service === call.service && f.operation === call.operation),
      outcome: outcomeOf(r.result),
      ...(r.result.error ? { error: r.result.error } : {}),
      leaks: r.leaks,
      defaultSgRestored: r.defaultSgRestored,
      teardownFailures: r.result.teardown.failed.length,
    };
    o.onPoint?.(p);
    return p;
  });
  return { cleanCalls: calls, points, wallMs: Date.now() - t0 };
}
