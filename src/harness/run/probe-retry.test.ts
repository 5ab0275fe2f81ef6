// Probe retries: what is retried (could not run, packets disagree with the configuration), what is
// final (agreement), and that earlier attempts are kept in order.
import type { Observation, ProbeAttempt } from '../../target/results';
import { attemptWithRetries, isRetryable } from './probe-retry';

const ran: Observation = {
  kind: 'ran',
  reachable: true,
  sent: 3,
  received: 3,
  rttMs: null,
  command: 'ping',
  exitCode: 0,
  status: 'Success',
  transcript: '',
  transcriptOrigin: 'model',
  tookMs: 4,
  apiCalls: 2,
};
const attempt = (outcome: ProbeAttempt['outcome'], agreement: ProbeAttempt['agreement']): ProbeAttempt => ({
  observed: ran,
  agreement,
  outcome,
  reasons: [outcome],
  startedAt: 't',
  durationMs: 1,
});
const sequence = (...as: ProbeAttempt[]) => {
  const calls: number[] = [];
  return { calls, run: async (n: number) => (calls.push(n), as[n - 1]!) };
};

test('what may be retried', () => {
  expect(isRetryable(attempt('infra-error', 'not-comparable'))).toBe(true);
  expect(isRetryable(attempt('failed', 'config-allows-packets-fail'))).toBe(true);
  expect(isRetryable(attempt('failed', 'config-blocks-packets-pass'))).toBe(true);
  expect(isRetryable(attempt('failed', 'agree'))).toBe(false);
  expect(isRetryable(attempt('passed', 'agree'))).toBe(false);
});

test('an infrastructure error then a pass: two attempts, the first kept', async () => {
  const s = sequence(attempt('infra-error', 'not-comparable'), attempt('passed', 'agree'));
  const retried: number[] = [];
  const r = await attemptWithRetries(1, s.run, (_a, n) => retried.push(n));
  expect(s.calls).toEqual([1, 2]);
  expect(retried).toEqual([1]);
  expect(r.last.outcome).toBe('passed');
  expect(r.previous.map((p) => p.outcome)).toEqual(['infra-error']);
});

test('no retries configured: the first attempt is final', async () => {
  const s = sequence(attempt('infra-error', 'not-comparable'), attempt('passed', 'agree'));
  const r = await attemptWithRetries(0, s.run);
  expect(s.calls).toEqual([1]);
  expect(r.last.outcome).toBe('infra-error');
  expect(r.previous).toEqual([]);
});

test('a failure the configuration agrees with is never retried', async () => {
  const s = sequence(attempt('failed', 'agree'), attempt('passed', 'agree'));
  const r = await attemptWithRetries(3, s.run);
  expect(s.calls).toEqual([1]);
  expect(r.last.outcome).toBe('failed');
});

test('retries stop at the limit', async () => {
  const s = sequence(
    attempt('infra-error', 'not-comparable'),
    attempt('infra-error', 'not-comparable'),
    attempt('infra-error', 'not-comparable'),
  );
  const r = await attemptWithRetries(2, s.run);
  expect(s.calls).toEqual([1, 2, 3]);
  expect(r.previous).toHaveLength(2);
  expect(r.last.outcome).toBe('infra-error');
});
