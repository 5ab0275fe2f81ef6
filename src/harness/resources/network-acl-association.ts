// A subnet moved to the network ACL the run created for it (`ec2:network-acl-association`): the
// replacement's new association id and the ACL the subnet had before are recorded, and teardown puts
// that previous ACL back exactly.
import { DescribeNetworkAclsCommand, ReplaceNetworkAclAssociationCommand } from '@aws-sdk/client-ec2';
import { ProvisionError } from '../run/provision-error';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';

const type = 'ec2:network-acl-association';

export async function replaceNetworkAclAssociation(ctx: RunContext, subnetId: string, aclId: string): Promise<void> {
  const acls = await ctx.aws.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }));
  const current = acls.NetworkAcls?.[0]?.Associations?.find((a) => a.SubnetId === subnetId);
  if (!current?.NetworkAclAssociationId) throw new ProvisionError(`subnet ${subnetId} has no network ACL association to replace`);
  const replaced = await ctx.aws.ec2.send(
    new ReplaceNetworkAclAssociationCommand({ AssociationId: current.NetworkAclAssociationId, NetworkAclId: aclId }),
  );
  await ctx.ledger.record({
    action: 'created',
    type,
    id: replaced.NewAssociationId!,
    state: 'live',
    details: { subnetId, networkAclId: aclId, previousNetworkAclId: current.NetworkAclId },
  });
}

export const networkAclAssociation = {
  type,
  async remove(c, e) {
    const previous = e.details?.previousNetworkAclId as string;
    await c.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: e.id, NetworkAclId: previous }));
    return 'reverted';
  },
} satisfies ResourceKind<typeof type>;
