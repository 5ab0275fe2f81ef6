// What the EC2 side of a verdict cannot judge from the data, worded once: a security group an ENI wears
// that the export lacks, a rule's referenced group outside the export (a peered VPC, another account, a
// deleted group), a managed prefix list whose entries were not exported. Each says what would settle it.
import type { ManagedPrefixList, SecurityGroupRule, World } from '../world';
import type { AssumptionCode } from './verdict';

export interface MissingDatum {
  code: AssumptionCode;
  /** The id that is not in the data (`sg-…`, `pl-…`). */
  missing: string;
  what: string;
  settle: string;
  /** The rule whose match could not be decided, when there is one. */
  rule?: SecurityGroupRule;
}

/** The file the snapshot reads a list's entries from, and the command that writes it. */
export const prefixListEntriesCommand = (pl: string): string =>
  `aws ec2 get-managed-prefix-list-entries --prefix-list-id ${pl} --output json > aws/managed-prefix-list-entries/${pl}.json`;

/** A prefix list an IPv4 packet cannot be judged against: absent from the data, or its entries are. */
export function prefixListUnknown(list: ManagedPrefixList | undefined): boolean {
  if (!list) return true;
  return list.entriesMissing === true && list.addressFamily !== 'IPv6';
}

export function prefixListMissing(world: World, pl: string, usedBy: string, rule?: SecurityGroupRule): MissingDatum {
  const known = world.ec2.prefixLists.get(pl);
  return {
    code: 'PREFIX_LIST_ENTRIES_MISSING',
    missing: pl,
    what: `${usedBy} uses prefix list ${pl}${known?.prefixListName ? ` (${known.prefixListName})` : ''}, whose entries are not in the data`,
    settle: `export its entries: ${prefixListEntriesCommand(pl)}`,
    ...(rule ? { rule } : {}),
  };
}

export function securityGroupMissing(gid: string, wornBy: string): MissingDatum {
  return {
    code: 'SECURITY_GROUP_MISSING',
    missing: gid,
    what: `${wornBy} wears security group ${gid}, which is not in the data: its rules may allow this`,
    settle: `export it: aws ec2 describe-security-groups --group-ids ${gid} --output json (add it to aws/describe-security-groups.json)`,
  };
}

export function referencedGroupMissing(rule: SecurityGroupRule): MissingDatum {
  const gid = rule.referencedGroupId!;
  const info = rule.referencedGroupInfo;
  const where =
    info?.vpcPeeringConnectionId !== undefined
      ? ` in a VPC peered through ${info.vpcPeeringConnectionId}`
      : info?.userId !== undefined && info.userId !== rule.groupOwnerId
        ? ` of account ${info.userId}`
        : '';
  return {
    code: 'REFERENCED_GROUP_MISSING',
    missing: gid,
    what: `rule ${rule.securityGroupRuleId} of ${rule.groupId} allows members of ${gid}${where}, which is not in the data: the peer's interface does not list it, but the rule cannot be checked against the group itself`,
    settle: `export ${gid} and the ENIs that wear it (aws ec2 describe-security-groups --group-ids ${gid}; aws ec2 describe-network-interfaces --filters Name=group-id,Values=${gid}${where ? ', in the account that owns it' : ''})`,
    rule,
  };
}
