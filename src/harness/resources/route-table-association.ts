// The association of a subnet with the route table the run created for it (`ec2:route-table-association`):
// recorded once AssociateRouteTable returns its id; teardown disassociates it (the subnet falls back to
// the main table) before the table and the subnet go.
import { AssociateRouteTableCommand, DisassociateRouteTableCommand } from '@aws-sdk/client-ec2';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';

const type = 'ec2:route-table-association';

export async function associateRouteTable(ctx: RunContext, routeTableId: string, subnetId: string): Promise<void> {
  const assoc = await ctx.aws.ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }));
  await ctx.ledger.record({ action: 'created', type, id: assoc.AssociationId!, state: 'live', details: { routeTableId, subnetId } });
}

export const routeTableAssociation = {
  type,
  async remove(c, e) {
    await c.ec2.send(new DisassociateRouteTableCommand({ AssociationId: e.id }));
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
