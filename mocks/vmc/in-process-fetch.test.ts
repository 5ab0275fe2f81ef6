// The embedded mock's in-process fetch for the VMC client: the same answers as MSW's interception of the
// global fetch (CSP token exchange, VMC SDDC, NSX reads and writes, an NSX error), and a request no
// handler takes fails without being sent.
import { join } from 'node:path';
import { createVmcClient, Secret, type VmcClientOptions } from '../../src/clients/vmc';
import { startMockTarget, type MockTarget } from '../mock-target';

const worldDir = join(__dirname, '..', '..', 'fixtures', 'snapshots', 'harness-before-runs');

let target: MockTarget | undefined;
afterEach(() => target?.close());

/** A client session's answers, through MSW's interception of fetch or (`direct`) the in-process fetch. */
async function session(direct: boolean): Promise<unknown[]> {
  target = await startMockTarget(worldDir);
  const fetch: VmcClientOptions['fetch'] = direct ? target.transport.fetch : undefined;
  const vmc = createVmcClient({
    apiToken: new Secret(target.env.VMC_API_TOKEN!),
    orgId: target.env.VMC_ORG_ID!,
    sddcId: target.env.VMC_SDDC_ID!,
    mock: true,
    retry: { maxAttempts: 1 },
    ...(fetch ? { fetch } : {}),
  });
  const { discovery, nsx } = await vmc.connect();
  const out: unknown[] = [discovery.sddc.id, (await nsx.segments.list()).map((s) => s.id)];
  await nsx.groups.patch('parity', {
    display_name: 'parity',
    expression: [{ resource_type: 'IPAddressExpression', ip_addresses: ['10.1.1.1'] }],
  });
  const { _create_time: _c, _last_modified_time: _m, ...group } = await nsx.groups.get('parity'); // times from the wall clock
  out.push(group);
  out.push(await nsx.groups.get('no-such-group').catch((e: Error) => `${e.name}: ${e.message}`));
  target.close();
  return out;
}

test('the VMC client reads the same answers through the in-process fetch as through MSW', async () => {
  const throughMsw = await session(false);
  const direct = await session(true);
  expect(direct).toEqual(throughMsw);
  expect(direct[direct.length - 1]).toMatch(/^VmcApiError: /);
});

test('a request no mock handler takes fails, and nothing is sent', async () => {
  target = await startMockTarget(worldDir);
  await expect(target.transport.fetch('https://example.com/elsewhere', { method: 'GET' })).rejects.toThrow(
    /no mock handler for GET https:\/\/example\.com\/elsewhere/,
  );
});
