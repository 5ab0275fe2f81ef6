// The VMC API through the client against the mock: orgs, SDDCs (the proxy URL), SDDC connections,
// and its errors (an unknown org or SDDC is 404 with VMC's error body).
import { useVmcMock } from '../test-support/vmc-bed';

const bed = useVmcMock();

test('orgs: the list and the org by id', async () => {
  const b = bed();
  const vmc = b.client().vmc;
  expect((await vmc.listOrgs()).map((o) => o.id)).toEqual([b.orgId]);
  await expect(vmc.getOrg(b.orgId)).resolves.toMatchObject({ id: b.orgId, display_name: 'vmc-reach mock org' });
});

test('SDDCs: the list and the SDDC, READY, with the reverse-proxy URL', async () => {
  const b = bed();
  const vmc = b.client().vmc;
  expect((await vmc.listSddcs(b.orgId)).map((s) => s.name)).toEqual(['CJ-SDDC']);
  await expect(vmc.getSddc(b.orgId, b.sddcId)).resolves.toMatchObject({
    sddc_state: 'READY',
    resource_config: { nsxt: true, region: 'US_WEST_2', nsx_api_public_endpoint_url: b.world.nsx.sddc!.nsxApiPublicEndpointUrl },
  });
});

test('SDDC connections: the connected VPC and subnet with the cross-link ENIs', async () => {
  const b = bed();
  const [c] = await b.client().vmc.listSddcConnections(b.orgId, b.sddcId);
  expect(c).toMatchObject({ vpc_id: b.vpcId, subnet_id: b.subnetId, sddc_id: b.sddcId, state: 'ACTIVE' });
  expect(c!.customer_eni_infos.map((e) => e.eni_id)).toEqual([b.activeEni, b.standbyEni]);
});

test('an unknown SDDC is 404 with VMC’s error body', async () => {
  const b = bed();
  await expect(b.client().vmc.getSddc(b.orgId, 'no-such-sddc')).rejects.toMatchObject({
    service: 'vmc',
    status: 404,
    code: 'not_found',
    serviceMessage: `SDDC no-such-sddc was not found in organization ${b.orgId}.`,
  });
});

test('an unknown org is 404', async () => {
  const b = bed();
  await expect(b.client().vmc.listSddcs('no-such-org')).rejects.toMatchObject({ service: 'vmc', status: 404 });
});
