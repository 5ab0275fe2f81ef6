// Secrets never reach logs or error messages: the Secret holder, redact(), and a run of the client
// through errors and retries whose every log line and error message is searched for the tokens.
import { inspect } from 'node:util';
import { Secret, redact } from './redact';
import { useVmcMock } from '../test-support/vmc-bed';
import { defaultMockApiToken } from '../../../mocks/vmc/csp/tokens';

test('a Secret prints as [redacted] in every form', () => {
  const s = new Secret('s3cr3t-token');
  expect([String(s), `${s}`, JSON.stringify({ s }), inspect({ s })]).toEqual([
    '[redacted]',
    '[redacted]',
    '{"s":"[redacted]"}',
    '{ s: [redacted] }',
  ]);
  expect(s.reveal()).toBe('s3cr3t-token');
});

test('redact() replaces every occurrence, URL-encoded ones too', () => {
  expect(redact('a=tok/en+1&b=tok%2Fen%2B1 tok/en+1', [new Secret('tok/en+1')])).toBe('a=[redacted]&b=[redacted] [redacted]');
});

const bed = useVmcMock();

test('no API or access token appears in logs, errors or the client object during a run with failures', async () => {
  const b = bed();
  b.ctx.faults.add({ service: 'nsx', operation: 'GET segments', fault: 'throttle' });
  const client = b.client();
  const { nsx } = await client.connect();
  await nsx.segments.list();
  b.ctx.vmware!.csp.expireAll();
  const errors: unknown[] = [];
  await nsx.segments.patch('bad', { subnets: [{ gateway_address: 'nope' }] }).catch((e: unknown) => errors.push(e));
  await b
    .client({ apiToken: `${defaultMockApiToken}x` })
    .vmc.listOrgs()
    .catch((e: unknown) => errors.push(e));
  b.ctx.faults.add({ service: 'vmc', fault: 'expired-token', times: 2 });
  await client.vmc.listOrgs().catch((e: unknown) => errors.push(e));
  expect(errors).toHaveLength(3);
  const accessTokens = [...b.logs.join('\n').matchAll(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)];
  const text = [
    ...b.logs,
    ...errors.map((e) => `${String(e)} ${inspect(e)} ${JSON.stringify(e)}`),
    inspect(client, { depth: 10 }),
    JSON.stringify(client.auth),
  ].join('\n');
  expect(accessTokens).toEqual([]);
  expect(text).not.toContain(defaultMockApiToken);
  expect(text).not.toContain('eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.'); // the JWT header every mock access token starts with
  expect(b.logs.length).toBeGreaterThan(5);
});
