// One security group rule as DescribeSecurityGroupRules (and Authorize's `securityGroupRuleSet`) shows it,
// for the EC2 mock's XML and the snapshot's JSON; and the key that pairs such a rule with the grant of
// an IpPermission (describe-security-groups has no rule ids).
import type { SecurityGroupRule, Tag, World } from '../../world';
import { groupPairOf } from './ip-permissions';

export interface SecurityGroupRuleShape {
  securityGroupRuleId: string;
  groupId: string;
  groupOwnerId: string;
  isEgress: boolean;
  ipProtocol: string;
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  prefixListId?: string;
  referencedGroupInfo?: { groupId: string; userId?: string; vpcId?: string; vpcPeeringConnectionId?: string };
  description?: string;
  tags: Tag[];
  securityGroupRuleArn: string;
}

export function securityGroupRuleShape(world: World, r: SecurityGroupRule): SecurityGroupRuleShape {
  return {
    securityGroupRuleId: r.securityGroupRuleId,
    groupId: r.groupId,
    groupOwnerId: r.groupOwnerId,
    isEgress: r.isEgress,
    ipProtocol: r.ipProtocol,
    fromPort: r.fromPort,
    toPort: r.toPort,
    ...(r.cidrIpv4 !== undefined ? { cidrIpv4: r.cidrIpv4 } : {}),
    ...(r.cidrIpv6 !== undefined ? { cidrIpv6: r.cidrIpv6 } : {}),
    ...(r.prefixListId !== undefined ? { prefixListId: r.prefixListId } : {}),
    ...(r.referencedGroupId !== undefined ? { referencedGroupInfo: groupPairOf(world, r) } : {}),
    ...(r.description !== undefined ? { description: r.description } : {}),
    tags: r.tags,
    securityGroupRuleArn: `arn:aws:ec2:${world.region}:${r.groupOwnerId}:security-group-rule/${r.securityGroupRuleId}`,
  };
}

/** The JSON the AWS CLI prints for one rule. */
export function securityGroupRuleJson(s: SecurityGroupRuleShape): Record<string, unknown> {
  const ref = s.referencedGroupInfo;
  return {
    SecurityGroupRuleId: s.securityGroupRuleId,
    GroupId: s.groupId,
    GroupOwnerId: s.groupOwnerId,
    IsEgress: s.isEgress,
    IpProtocol: s.ipProtocol,
    FromPort: s.fromPort,
    ToPort: s.toPort,
    CidrIpv4: s.cidrIpv4,
    CidrIpv6: s.cidrIpv6,
    ReferencedGroupInfo: ref && {
      GroupId: ref.groupId,
      UserId: ref.userId,
      VpcId: ref.vpcId,
      VpcPeeringConnectionId: ref.vpcPeeringConnectionId,
    },
    PrefixListId: s.prefixListId,
    Description: s.description,
    Tags: s.tags.map((t) => ({ Key: t.key, Value: t.value })),
    SecurityGroupRuleArn: s.securityGroupRuleArn,
  };
}

type Grant = Pick<
  SecurityGroupRule,
  'groupId' | 'isEgress' | 'ipProtocol' | 'fromPort' | 'toPort' | 'cidrIpv4' | 'cidrIpv6' | 'referencedGroupId' | 'prefixListId'
>;

/** Two rules with the same key grant the same thing (one peer, one protocol and port range, one direction). */
export const grantKey = (r: Grant): string =>
  [
    r.groupId,
    r.isEgress,
    r.ipProtocol,
    r.fromPort,
    r.toPort,
    r.cidrIpv4 ?? '',
    r.cidrIpv6 ?? '',
    r.referencedGroupId ?? '',
    r.prefixListId ?? '',
  ].join('|');
