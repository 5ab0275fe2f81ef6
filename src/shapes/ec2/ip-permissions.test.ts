// IpPermissions from the AWS CLI's own describe-security-groups example, plus an IPv6 range and a pair of
// a peered VPC's group, expand into one grant each and group back into the same permissions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { World, type SecurityGroupRule } from '../../world';
import { grantsOfPermission, ipPermissionJson, ipPermissionJsonSchema, ipPermissionsOf } from './ip-permissions';

const example = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'real', 'ec2', 'describe-security-groups.1.json'), 'utf8'),
);
const group = example.SecurityGroups[0];

const permissions = [
  ...group.IpPermissions,
  {
    IpProtocol: 'tcp',
    FromPort: 443,
    ToPort: 443,
    Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }],
    UserIdGroupPairs: [
      {
        GroupId: 'sg-0aaaaaaaaaaaaaaaa',
        UserId: '999988887777',
        VpcId: 'vpc-0bbbbbbbbbbbbbbbb',
        VpcPeeringConnectionId: 'pcx-0cccccccccccccccc',
      },
    ],
  },
];

/** The permissions as world rules, one per grant. */
function rulesOf(perms: unknown[]): SecurityGroupRule[] {
  let n = 0;
  return perms.flatMap((json) => {
    const p = ipPermissionJsonSchema.parse(json);
    return grantsOfPermission(p, group.OwnerId).map(({ field: _field, ...grant }) => ({
      securityGroupRuleId: `sgr-${++n}`,
      groupId: group.GroupId,
      groupOwnerId: group.OwnerId,
      isEgress: false,
      ipProtocol: p.ipProtocol,
      fromPort: p.fromPort ?? -1,
      toPort: p.toPort ?? -1,
      tags: [],
      ...grant,
    }));
  });
}

const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('IpPermission shapes', () => {
  it("expand into one grant per range, pair and prefix list, keeping a foreign pair's account, VPC and peering", () => {
    const rules = rulesOf(permissions);
    expect(rules.map((r) => r.cidrIpv4 ?? r.cidrIpv6 ?? r.referencedGroupId)).toEqual([
      'sg-903004f8',
      '203.0.113.0/24',
      '2001:db8:1234:1a00::/64',
      'sg-0aaaaaaaaaaaaaaaa',
    ]);
    expect(rules[0]!.referencedGroupInfo).toBeUndefined();
    expect(rules[3]!.referencedGroupInfo).toEqual({
      userId: '999988887777',
      vpcId: 'vpc-0bbbbbbbbbbbbbbbb',
      vpcPeeringConnectionId: 'pcx-0cccccccccccccccc',
    });
  });

  it('group back into the permissions the CLI printed', () => {
    const world = new World({ seed: 1, region: 'us-east-1', accountId: group.OwnerId });
    const back = ipPermissionsOf(world, rulesOf(permissions)).map(ipPermissionJson);
    const normal = (p: Record<string, unknown>) => ({ IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [], ...p });
    expect(strip(back)).toEqual(strip(permissions.map(normal)));
  });
});

it('merges grants of one protocol and port range into one permission, as EC2 prints them', () => {
  const world = new World({ seed: 1, region: 'us-east-1', accountId: group.OwnerId });
  const split = [
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }] },
  ];
  expect(strip(ipPermissionsOf(world, rulesOf(split)).map(ipPermissionJson))).toEqual([
    {
      FromPort: 22,
      IpProtocol: 'tcp',
      IpRanges: [{ CidrIp: '203.0.113.0/24' }],
      Ipv6Ranges: [{ CidrIpv6: '2001:db8:1234:1a00::/64' }],
      PrefixListIds: [],
      ToPort: 22,
      UserIdGroupPairs: [],
    },
  ]);
});
