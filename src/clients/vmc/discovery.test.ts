// Discovery through the client against the mock: from org + SDDC id to the proxy URL, the connected
// VPC, its subnets, the active ENI (both generations of linked-vpcs) and the managed route tables.
import { mainRouteTable } from '../../world';
import { VmcClientError } from './errors';
import { useVmcMock } from '../test-support/vmc-bed';

const bed = useVmcMock();

describe('connect() on an SDDC with active_eni', () => {
  test('finds the proxy URL and both NSX API bases', async () => {
    const b = bed();
    const { discovery } = await b.client().connect();
    const proxy = `https://nsx-10-2-0-4.rp.vmwarevmc.com/vmc/reverse-proxy/api/orgs/${b.orgId}/sddcs/${b.sddcId}/sks-nsxt-manager`;
    expect([discovery.proxyUrl, discovery.policyBaseUrl, discovery.cloudServiceBaseUrl]).toEqual([
      proxy,
      `${proxy}/policy/api/v1`,
      `https://nsx-10-2-0-4.rp.vmwarevmc.com/vmc/reverse-proxy/api/orgs/${b.orgId}/sddcs/${b.sddcId}/cloud-service/api/v1`,
    ]);
  });

  test('finds the connected VPC, its subnet, the active and standby ENIs and the managed main route table', async () => {
    const b = bed();
    const { discovery } = await b.client().connect();
    expect(discovery.connectedVpc).toEqual({
      vpcId: b.vpcId,
      cidrs: ['172.31.0.0/16'],
      subnets: [{ id: b.subnetId, cidr: '172.31.16.0/20', availabilityZone: 'us-west-2a' }],
      activeEni: b.activeEni,
      activeEniSource: 'active_eni',
      crossLinkEnis: [b.activeEni, b.standbyEni].map((eniId) => ({
        eniId,
        privateIp: b.world.ec2.networkInterfaces.get(eniId)!.privateIpAddress,
      })),
      managedRouteTableIds: [mainRouteTable(b.world, b.vpcId)!.routeTableId],
      connectedSubnetId: b.subnetId,
    });
  });

  test('refuses an SDDC that is not READY', async () => {
    const b = bed();
    b.world.nsx.sddc!.sddcState = 'DEPLOYING';
    await expect(b.client().connect()).rejects.toThrow(
      new VmcClientError(`SDDC ${b.sddcId} (CJ-SDDC) is DEPLOYING, not READY: its NSX API cannot be used yet`),
    );
  });
});

describe('connect() on a newer SDDC with traffic_group_eni_mappings only', () => {
  test('reads the active ENI from traffic_group_eni_mappings[0].eni', async () => {
    const b = bed({ vmware: { linkedVpcStyle: 'traffic-groups' } });
    const { discovery } = await b.client().connect();
    expect([discovery.connectedVpc.activeEni, discovery.connectedVpc.activeEniSource]).toEqual([b.activeEni, 'traffic_group_eni_mappings']);
  });
});
