// A subnet's own network ACL (`ec2:network-acl`), created with the subnet that asks for one, in the
// ledger before use, given the scenario's entries in order, then put in place of the subnet's current
// ACL (network-acl-association.ts). Removal retries until no subnet uses it any more.
import { CreateNetworkAclCommand, CreateNetworkAclEntryCommand, DeleteNetworkAclCommand } from '@aws-sdk/client-ec2';
import type { NaclEntrySpec, SubnetSpec } from '../dsl/spec';
import { literal } from '../run/resolve-addresses';
import { tagSpec, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { replaceNetworkAclAssociation } from './network-acl-association';
import { retryWhileDependent } from './removal';

const type = 'ec2:network-acl';

const naclProtocol = { all: '-1', icmp: '1', tcp: '6', udp: '17' } as const;

/** The calls a subnet's plan line names for its network ACL. */
export const networkAclPlanCalls = (sn: SubnetSpec): string =>
  sn.networkAcl ? ', CreateNetworkAcl, CreateNetworkAclEntry, ReplaceNetworkAclAssociation' : '';

export async function createSubnetNetworkAcl(
  ctx: RunContext,
  subnetName: string,
  entries: NaclEntrySpec[],
  subnetId: string,
): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  const aclEntry = await ctx.ledger.record({ action: 'created', type, name: `${subnetName} acl`, details: { vpcId, subnetId } });
  const acl = await ctx.aws.ec2.send(
    new CreateNetworkAclCommand({ VpcId: vpcId, TagSpecifications: tagSpec(ctx, 'network-acl', `${subnetName} acl`) }),
  );
  const aclId = acl.NetworkAcl!.NetworkAclId!;
  await ctx.ledger.update(aclEntry.seq, { id: aclId, state: 'live' });
  for (const e of entries) {
    await ctx.aws.ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: e.ruleNumber,
        Egress: e.egress,
        Protocol: naclProtocol[e.protocol],
        RuleAction: e.action,
        CidrBlock: literal(e.cidr),
        ...(e.protocol === 'icmp' ? { IcmpTypeCode: { Type: e.icmpType ?? -1, Code: -1 } } : {}),
        // TCP/UDP entries need a port range (the API refuses them without one); absent = every port.
        ...(e.protocol === 'tcp' || e.protocol === 'udp' ? { PortRange: { From: e.ports?.[0] ?? 0, To: e.ports?.[1] ?? 65535 } } : {}),
      }),
    );
  }
  await replaceNetworkAclAssociation(ctx, subnetId, aclId);
}

export const networkAcl = {
  type,
  async remove(c, e) {
    if (!e.id) return 'skipped';
    await retryWhileDependent(c, `network ACL ${e.id} to be deletable`, () =>
      c.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: e.id })),
    );
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
