// A subnet's own route table (`ec2:route-table`), created with the subnet that asks for one, in the
// ledger before use, associated with it, and given a route to each SDDC segment the scenario names via
// the active cross-link ENI (none: VMC only programs the main table, the classic pitfall).
import { CreateRouteCommand, CreateRouteTableCommand, DeleteRouteTableCommand } from '@aws-sdk/client-ec2';
import type { SubnetSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { tagSpec, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { retryWhileDependent } from './removal';
import { associateRouteTable } from './route-table-association';

const type = 'ec2:route-table';

/** The calls a subnet's plan line names for its route table. */
export const routeTablePlanCalls = (sn: SubnetSpec): string =>
  sn.routeTable ? ', CreateRouteTable, AssociateRouteTable, CreateRoute' : '';

export async function createSubnetRouteTable(
  ctx: RunContext,
  subnetName: string,
  routeTable: NonNullable<SubnetSpec['routeTable']>,
  subnetId: string,
  out: Provisioned,
): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  const entry = await ctx.ledger.record({ action: 'created', type, name: `${subnetName} routes`, details: { vpcId } });
  const rt = await ctx.aws.ec2.send(
    new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: tagSpec(ctx, 'route-table', `${subnetName} routes`) }),
  );
  const routeTableId = rt.RouteTable!.RouteTableId!;
  await ctx.ledger.update(entry.seq, { id: routeTableId, state: 'live' });
  await associateRouteTable(ctx, routeTableId, subnetId);
  for (const seg of routeTable.sddcRoutes) {
    await ctx.aws.ec2.send(
      new CreateRouteCommand({
        RouteTableId: routeTableId,
        DestinationCidrBlock: out.segments.get(seg.name)!.cidr,
        NetworkInterfaceId: ctx.discovery.connectedVpc.activeEni,
      }),
    );
  }
}

export const routeTable = {
  type,
  async remove(c, e) {
    if (!e.id) return 'skipped';
    await retryWhileDependent(c, `route table ${e.id} to be deletable`, () =>
      c.ec2.send(new DeleteRouteTableCommand({ RouteTableId: e.id })),
    );
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
