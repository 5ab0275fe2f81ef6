// Subnets of the scenario (`ec2:subnet`): created in the connected VPC at the CIDR resolved before
// provisioning (a free range unless the scenario gives one), tagged and in the ledger before use, each
// with its own route table and network ACL when the scenario gives them. Removal retries while an
// instance or an association still holds the subnet.
import { CreateSubnetCommand, DeleteSubnetCommand } from '@aws-sdk/client-ec2';
import { describeAddress } from '../dsl/builder';
import type { ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { literal } from '../run/resolve-addresses';
import { tagSpec, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { createSubnetNetworkAcl, networkAclPlanCalls } from './network-acl';
import { retryWhileDependent } from './removal';
import { createSubnetRouteTable, routeTablePlanCalls } from './route-table';

const type = 'ec2:subnet';

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  for (const sn of spec.subnets) {
    const entry = await ctx.ledger.record({ action: 'created', type, name: sn.name, details: { cidr: literal(sn.cidr), vpcId } });
    const created = await ctx.aws.ec2.send(
      new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: literal(sn.cidr), TagSpecifications: tagSpec(ctx, 'subnet', sn.name) }),
    );
    const subnetId = created.Subnet!.SubnetId!;
    await ctx.ledger.update(entry.seq, { id: subnetId, state: 'live' });
    out.subnets.set(sn.name, subnetId);
    if (sn.routeTable) await createSubnetRouteTable(ctx, sn.name, sn.routeTable, subnetId, out);
    if (sn.networkAcl) await createSubnetNetworkAcl(ctx, sn.name, sn.networkAcl, subnetId);
    ctx.log(
      `created subnet ${sn.name} ${sn.cidr}${sn.routeTable ? ' with its own route table' : ''}${sn.networkAcl ? ' with its own network ACL' : ''}`,
    );
  }
}

export const subnet = {
  type,
  plan: (spec) =>
    spec.subnets.map(
      (sn) =>
        `  subnet ${sn.name} ${describeAddress(sn.cidr)}${typeof sn.cidr === 'string' ? '' : " (allocated at run time from the VPC's CIDRs, avoiding its subnets; recorded in the ledger)"}: create (CreateSubnet${routeTablePlanCalls(sn)}${networkAclPlanCalls(sn)})`,
    ),
  provision,
  async remove(c, e) {
    if (!e.id) return 'skipped';
    await retryWhileDependent(c, `subnet ${e.id} to be deletable`, () => c.ec2.send(new DeleteSubnetCommand({ SubnetId: e.id })));
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
