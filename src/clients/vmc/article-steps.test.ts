// The article's steps 1–3 through the VMC client against the mock (segment 192.168.100.0/24, group
// CJ-VM, CGW rules in and out on the VPC interface), then the AWS side of the same world, read with the
// AWS SDK through the EC2 mock: the connected VPC's main route table routes the segment to the active
// cross-link ENI. The second test shows the route arriving only after VMC's realization delay.
import { DescribeRouteTablesCommand, type Route } from '@aws-sdk/client-ec2';
import { articleWorldBeforeStep1, article } from '../../world/test-support';
import { realisticLatency } from '../../world';
import { createMockAwsClients } from '../aws';
import { createMockContext } from '../../../mocks/mock-context';
import { useMockServer } from '../../../mocks/test-support/msw';
import { defaultMockApiToken } from '../../../mocks/vmc/csp/tokens';
import { createVmcClient } from './client';
import { buildBed } from '../test-support/vmc-bed';
import type { NsxClient } from './nsx/nsx-client';

const useContext = useMockServer();

const crossVpc = '/infra/labels/cgw-cross-vpc';

/** Steps 1–3 of the article, as the harness makes them. */
async function steps1to3(nsx: NsxClient): Promise<void> {
  await nsx.segments.patch('cj-seg', { display_name: 'CJ-Segment', subnets: [{ gateway_address: '192.168.100.1/24' }] });
  const group = await nsx.groups.patch('cj-vm', {
    display_name: 'CJ-VM',
    expression: [{ resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: 'CJ-VM01' }],
  });
  const common = { services: ['ANY'], scope: [crossVpc], action: 'ALLOW' as const, direction: 'IN_OUT' as const };
  await nsx.rules.patch('cj-vm-inbound', {
    ...common,
    display_name: 'CJ-VM Inbound',
    sequence_number: 10,
    source_groups: ['ANY'],
    destination_groups: [group.path],
  });
  await nsx.rules.patch('cj-vm-outbound', {
    ...common,
    display_name: 'CJ-VM Outbound',
    sequence_number: 20,
    source_groups: [group.path],
    destination_groups: ['ANY'],
  });
}

async function mainTableRoutes(region: string, vpcId: string): Promise<Route[]> {
  const aws = createMockAwsClients({ region, maxAttempts: 1 });
  try {
    const out = await aws.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'association.main', Values: ['true'] },
        ],
      }),
    );
    return out.RouteTables?.[0]?.Routes ?? [];
  } finally {
    aws.destroy();
  }
}

test('after steps 1–3 the main route table routes 192.168.100.0/24 to the active ENI (read with the AWS SDK)', async () => {
  const world = articleWorldBeforeStep1();
  useContext(createMockContext(world));
  const sddc = world.nsx.sddc!;
  const vmc = createVmcClient({ apiToken: defaultMockApiToken, orgId: sddc.orgId, sddcId: sddc.id, sleep: async () => undefined });
  const { discovery, nsx } = await vmc.connect();
  expect((await mainTableRoutes(article.region, discovery.connectedVpc.vpcId)).map((r) => r.DestinationCidrBlock)).not.toContain(
    article.segment.network,
  );

  await steps1to3(nsx);

  const routes = await mainTableRoutes(article.region, discovery.connectedVpc.vpcId);
  expect(routes).toContainEqual(
    expect.objectContaining({
      DestinationCidrBlock: '192.168.100.0/24',
      NetworkInterfaceId: discovery.connectedVpc.activeEni,
      State: 'active',
    }),
  );
  expect((await nsx.gatewayPolicy()).rules.map((r) => [r.id, r.scope, r.direction])).toEqual([
    ['cj-vm-inbound', [crossVpc], 'IN_OUT'],
    ['cj-vm-outbound', [crossVpc], 'IN_OUT'],
    ['default-uplink-rule', ['/infra/labels/cgw-all'], 'IN_OUT'],
  ]);
});

test('with VMC’s realization delay the route shows in DescribeRouteTables only once it has passed', async () => {
  const bed = buildBed({ latency: realisticLatency(1) });
  useContext(bed.ctx);
  const { discovery, nsx } = await bed.client().connect();
  await steps1to3(nsx);
  const toSegment = async () =>
    (await mainTableRoutes(bed.world.region, bed.vpcId)).filter((r) => r.DestinationCidrBlock === '192.168.100.0/24');
  expect(await toSegment()).toEqual([]);
  bed.clock.advance(realisticLatency(1).segmentRealizationMs);
  expect(await toSegment()).toEqual([expect.objectContaining({ NetworkInterfaceId: discovery.connectedVpc.activeEni })]);
});
