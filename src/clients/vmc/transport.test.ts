// Retries of transient answers (429, 503, 504, 409) with backoff through the client against the mock,
// and the error a call gives up with.
import { retryDelayMs, defaultRetryPolicy } from './retry';
import { callsTo, useVmcMock } from '../test-support/vmc-bed';

const bed = useVmcMock();

test('503 is retried with doubling backoff until it succeeds', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'vmc', operation: 'GET sddc', fault: 'server-error', times: 3 });
  await expect(b.client().vmc.getSddc(b.orgId, b.sddcId)).resolves.toMatchObject({ id: b.sddcId });
  expect(b.sleeps).toEqual([500, 1000, 2000]);
});

test('429 waits as long as Retry-After says (1 s) when that is longer than the backoff', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'GET labels', fault: 'throttle' });
  const { nsx } = await b.client().connect();
  await nsx.listLabels();
  expect(b.sleeps).toEqual([1000]);
  expect(callsTo(b, 'nsx').filter((c) => c.includes('labels'))).toEqual(['GET labels !throttle', 'GET labels']);
});

test('a 504 from the reverse proxy is retried', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'GET services', fault: 'timeout' });
  const { nsx } = await b.client().connect();
  await expect(nsx.listServices()).resolves.toContainEqual(expect.objectContaining({ id: 'ICMP-ALL' }));
});

test('after the last attempt the 503 is thrown with NSX’s code and message', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'GET labels', fault: 'server-error', times: Infinity });
  const { nsx } = await b.client({ retry: { maxAttempts: 3 } }).connect();
  const err = await nsx.listLabels().catch((e: unknown) => e);
  expect(err).toMatchObject({
    name: 'VmcApiError',
    service: 'nsx',
    status: 503,
    code: 503,
    serviceMessage: 'The service is busy (GET labels); retry later.',
  });
  expect(b.sleeps).toEqual([500, 1000]);
});

test('the backoff is capped by maxDelayMs, Retry-After included', () => {
  expect(retryDelayMs(defaultRetryPolicy, 10, null)).toBe(20_000);
  expect(retryDelayMs(defaultRetryPolicy, 1, '600')).toBe(20_000);
  expect(retryDelayMs(defaultRetryPolicy, 2, 'soon')).toBe(1000);
});
