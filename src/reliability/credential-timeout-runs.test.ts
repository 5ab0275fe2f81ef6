// How a run treats the AWS faults that used to be refused by the mock: a timeout (an answer held past
// the clients' request timeout) is retried and the run passes; refused credentials at a probe's
// SendCommand stop the run with an error that says so, and teardown still removes everything; credentials
// that stay expired make teardown fail, reported per resource, and `reap` finishes once they work again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleSpec } from './article-spec';
import { cleanCalls, matrixRequestTimeoutMs } from './fault-matrix';
import { reapRun } from './reap-cli';
import { serveWorld } from './served-world';
import { checkWorld } from './world-check';
import { runOnce } from './run-once';

const root = mkdtempSync(join(tmpdir(), 'vmc-reach-cred-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a RunInstances answer held past the request timeout is retried: every probe passes, nothing is left', async () => {
  const r = await runOnce(articleSpec(), {
    runId: 'held-run-instances',
    root,
    faults: [{ service: 'ec2', operation: 'RunInstances', fault: 'timeout' }],
    requestTimeoutMs: matrixRequestTimeoutMs,
  });
  expect({
    fired: r.faulted.length,
    error: r.result.error,
    outcomes: [...new Set(r.result.probes.map((p) => p.outcome))],
    leaks: r.leaks,
  }).toEqual({ fired: 1, error: undefined, outcomes: ['passed'], leaks: [] });
}, 60_000);

test('expired credentials at a probe stop the run with a clear error; teardown removes everything', async () => {
  const r = await runOnce(articleSpec(), {
    runId: 'expired-at-probe',
    root,
    faults: [{ service: 'ssm', operation: 'SendCommand', fault: 'expired-token', after: 1 }],
  });
  expect(r.result.error).toMatch(/^ExpiredTokenException: the AWS credentials were refused .*refresh them/);
  expect({
    probes: r.result.probes.length,
    teardownFailed: r.result.teardown.failed,
    leaks: r.leaks,
    defaultSg: r.defaultSgRestored,
  }).toEqual({ probes: 1, teardownFailed: [], leaks: [], defaultSg: true });
}, 60_000);

test('expired credentials while waiting for the SSM agents stop the run too, instead of marking the agents offline', async () => {
  const r = await runOnce(articleSpec(), {
    runId: 'expired-at-ssm-wait',
    root,
    faults: [{ service: 'ssm', operation: 'DescribeInstanceInformation', fault: 'expired-token', after: 1 }],
  });
  expect({ error: r.result.error?.split(':')[0], probes: r.result.probes.length, leaks: r.leaks }).toEqual({
    error: 'ExpiredTokenException',
    probes: 0,
    leaks: [],
  });
}, 60_000);

test('credentials that stay expired: teardown is attempted and each failure reported; reap removes the rest once they work', async () => {
  const calls = await cleanCalls(articleSpec(), root);
  const fromCall = calls.find((c) => c.operation === 'SendCommand')!.index;
  await using w = await serveWorld({
    faults: (['ec2', 'ssm'] as const).map((service) => ({ service, fault: 'expired-token' as const, fromCall, times: Infinity })),
  });
  const r = await runOnce(articleSpec(), { runId: 'expired-for-good', root, world: w });
  const failed = r.result.teardown.failed;
  expect({
    error: r.result.error?.split(':')[0],
    instancesFailed: failed.filter((f) => f.type === 'ec2:instance').length,
    said: failed.every((f) => /credentials were refused/.test(f.error)),
  }).toEqual({ error: 'ExpiredTokenException', instancesFailed: 2, said: true });
  w.ctx.faults.clear();
  const reap = await reapRun('expired-for-good', { cwd: root, env: w.env });
  expect({ reap: reap.code, leaks: checkWorld(w.world, w.before).leaks }).toEqual({ reap: 0, leaks: [] });
}, 120_000);
