// waitUntil: returns when done, backs off, retries only what it is told is transient, times out clearly.
import { manualClock, waitUntil, WaitTimeoutError } from './wait';

test('returns the value once the check is done', async () => {
  let n = 0;
  const v = await waitUntil(async () => (++n < 3 ? { done: false } : { done: true, value: 'ok' }), {
    purpose: 'x',
    timeoutMs: 10_000,
    clock: manualClock(),
  });
  expect(v).toBe('ok');
  expect(n).toBe(3);
});

test('backs off exponentially up to the maximum delay', async () => {
  const clock = manualClock();
  const seen: number[] = [];
  await waitUntil(
    async () => {
      seen.push(clock.now());
      return seen.length < 6 ? { done: false } : { done: true, value: 1 };
    },
    { purpose: 'x', timeoutMs: 60_000, initialDelayMs: 100, maxDelayMs: 800, clock },
  );
  expect(seen).toEqual([0, 100, 300, 700, 1500, 2300]);
});

test('times out with the purpose, the attempts and the last observation', async () => {
  const p = waitUntil(async () => ({ done: false, observed: { Status: 'Pending' } }), {
    purpose: 'the command to finish',
    timeoutMs: 1_000,
    initialDelayMs: 200,
    clock: manualClock(),
  });
  await expect(p).rejects.toThrow(WaitTimeoutError);
  await expect(p).rejects.toThrow(/waiting for the command to finish; last seen: \{"Status":"Pending"\}/);
});

test('an error it is not told to retry ends the wait at once', async () => {
  let n = 0;
  const p = waitUntil(
    async () => {
      n++;
      throw new Error('AccessDenied');
    },
    { purpose: 'x', timeoutMs: 10_000, clock: manualClock(), retryOn: (e) => (e as Error).message === 'InvocationDoesNotExist' },
  );
  await expect(p).rejects.toThrow('AccessDenied');
  expect(n).toBe(1);
});

test('a transient error is retried', async () => {
  let n = 0;
  const v = await waitUntil(
    async () => {
      if (++n < 3) throw new Error('InvocationDoesNotExist');
      return { done: true, value: n };
    },
    { purpose: 'x', timeoutMs: 10_000, clock: manualClock(), retryOn: (e) => (e as Error).message === 'InvocationDoesNotExist' },
  );
  expect(v).toBe(3);
});
