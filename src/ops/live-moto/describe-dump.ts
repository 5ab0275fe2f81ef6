// Full `describe-*` dumps of the AWS side (every resource of the account and region, not only the
// connected VPC's), in the AWS CLI's JSON shapes: the before/after comparison of live-vs-moto and the
// aws/ files of the world `mock serve` describes. `$metadata` is dropped; dates become ISO strings.
import {
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';

export interface AwsDump {
  /** File name (aws/describe-*.json) → the CLI-shaped JSON. */
  files: Record<string, Record<string, unknown>>;
}

const strip = (o: object): Record<string, unknown> => JSON.parse(JSON.stringify({ ...o, $metadata: undefined })) as Record<string, unknown>;

export async function dumpAws(ec2: EC2Client): Promise<AwsDump> {
  const [vpcs, subnets, routeTables, acls, sgs, rules, enis, instances, tags] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({})),
    ec2.send(new DescribeSubnetsCommand({})),
    ec2.send(new DescribeRouteTablesCommand({})),
    ec2.send(new DescribeNetworkAclsCommand({})),
    ec2.send(new DescribeSecurityGroupsCommand({})),
    ec2.send(new DescribeSecurityGroupRulesCommand({})),
    ec2.send(new DescribeNetworkInterfacesCommand({})),
    ec2.send(new DescribeInstancesCommand({})),
    ec2.send(new DescribeTagsCommand({})),
  ]);
  return {
    files: {
      'describe-vpcs.json': strip(vpcs),
      'describe-subnets.json': strip(subnets),
      'describe-route-tables.json': strip(routeTables),
      'describe-network-acls.json': strip(acls),
      'describe-security-groups.json': strip(sgs),
      'describe-security-group-rules.json': strip(rules),
      'describe-network-interfaces.json': strip(enis),
      'describe-instances.json': strip(instances),
      'describe-tags.json': strip(tags),
    },
  };
}
