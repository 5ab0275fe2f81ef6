// The same client against the mock served on a loopback port (no in-process MSW in this file): only
// the base URLs differ; the SDDC's proxy URL comes back on the loopback origin and NSX answers there.
import { serveMock } from '../../../mocks/serve';
import { buildBed } from '../test-support/vmc-bed';

test('discovery and an NSX write work unchanged against the served mock', async () => {
  const bed = buildBed();
  await using served = await serveMock(bed.ctx);
  const client = bed.client({ cspUrl: served.url, vmcUrl: served.url });
  const { discovery, nsx } = await client.connect();
  expect(discovery.proxyUrl).toBe(`${served.url}/vmc/reverse-proxy/api/orgs/${bed.orgId}/sddcs/${bed.sddcId}/sks-nsxt-manager`);
  expect(discovery.connectedVpc.activeEni).toBe(bed.activeEni);
  await expect(nsx.segments.patch('cj-seg', { subnets: [{ gateway_address: '192.168.100.1/24' }] })).resolves.toMatchObject({
    path: '/infra/tier-1s/cgw/segments/cj-seg',
  });
});
