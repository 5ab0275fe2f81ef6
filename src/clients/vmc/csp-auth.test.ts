// CSP token handling through the client against the mock: the exchange, refresh before expiry,
// one re-exchange on 401 (token expired mid-run), the second 401 thrown, and a bad API token.
import { callsTo, useVmcMock } from '../test-support/vmc-bed';
import { VmcApiError } from './errors';

const bed = useVmcMock();

test('the first call exchanges the API token once; later calls reuse the access token', async () => {
  const b = bed();
  const client = b.client();
  await client.vmc.listOrgs();
  await client.vmc.getOrg(b.orgId);
  expect(callsTo(b, 'csp')).toEqual(['POST authorize']);
  expect(client.auth.exchanges).toBe(1);
});

test('the token is exchanged again shortly before it expires, with no 401', async () => {
  const b = bed();
  const client = b.client();
  await client.vmc.listOrgs();
  b.clock.advance((1799 - 119) * 1000); // inside the 2-minute margin
  await client.vmc.listOrgs();
  expect(callsTo(b, 'csp')).toEqual(['POST authorize', 'POST authorize']);
  expect(b.logs.some((l) => l.includes('→ 401'))).toBe(false);
});

test('a token that expired mid-run is exchanged again once and the call succeeds', async () => {
  const b = bed();
  const client = b.client();
  await client.vmc.listOrgs();
  b.ctx.vmware!.csp.expireAll();
  await expect(client.vmc.getSddc(b.orgId, b.sddcId)).resolves.toMatchObject({ id: b.sddcId });
  expect(callsTo(b, 'vmc')).toEqual(['GET orgs', 'GET sddc', 'GET sddc']);
  expect(client.auth.exchanges).toBe(2);
});

test('the expired-token fault (401) on an NSX call is survived the same way', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'GET segments', fault: 'expired-token' });
  const { nsx } = await b.client().connect();
  await expect(nsx.segments.list()).resolves.toEqual([]);
  expect(callsTo(b, 'nsx').filter((c) => c.startsWith('GET segments'))).toEqual(['GET segments !expired-token', 'GET segments']);
});

test('a second 401 in a row is thrown, not retried forever', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'vmc', operation: 'GET orgs', fault: 'expired-token', times: 2 });
  const err = await b
    .client()
    .vmc.listOrgs()
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VmcApiError);
  expect(err).toMatchObject({ service: 'vmc', status: 401, code: 'unauthenticated' });
  expect(callsTo(b, 'csp')).toEqual(['POST authorize', 'POST authorize']);
});

test('an API token CSP does not accept is a 400 with CSP’s error code', async () => {
  const b = bed();
  const err = await b
    .client({ apiToken: 'not-a-token-the-mock-knows' })
    .vmc.listOrgs()
    .catch((e: unknown) => e);
  expect(err).toMatchObject({
    name: 'VmcApiError',
    service: 'csp',
    status: 400,
    code: 'invalid_grant',
    path: '/csp/gateway/am/api/auth/api-tokens/authorize',
  });
});

test('a throttled exchange (429) is retried after Retry-After', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'csp', fault: 'throttle' });
  await b.client().vmc.listOrgs();
  expect([callsTo(b, 'csp'), b.sleeps]).toEqual([['POST authorize !throttle', 'POST authorize'], [1000]]);
});

test('concurrent first calls share one exchange', async () => {
  const b = bed();
  const client = b.client();
  await Promise.all([client.vmc.listOrgs(), client.vmc.getOrg(b.orgId), client.vmc.listSddcs(b.orgId)]);
  expect(callsTo(b, 'csp')).toEqual(['POST authorize']);
});
