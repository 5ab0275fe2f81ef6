// Discovery, AWS side: reads the connected VPC's configuration through the EC2 and SSM APIs (every
// page) and returns it as snapshot files, in the AWS CLI's JSON shapes, so the engine judges exactly
// what the APIs said, through the same reader a customer's export goes through (src/snapshot).
import {
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
  type Filter,
} from '@aws-sdk/client-ec2';
import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { snapshotFileNames as files } from '../../snapshot';

/** JSON as the AWS CLI prints it: dates as ISO strings, no SDK metadata. */
export const cliJson = (value: unknown): string =>
  `${JSON.stringify(value, (key, v) => (key === '$metadata' ? undefined : v instanceof Date ? v.toISOString() : v), 2)}\n`;

async function all<P, T>(pages: AsyncIterable<P>, pick: (p: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/** EC2's answers for an object these credentials may not read (a prefix list of another account). */
const isAccessError = (e: unknown): boolean =>
  /^(UnauthorizedOperation|AccessDenied|InvalidPrefixListID\.NotFound|InvalidPrefixListId\.NotFound)/.test(
    (e as { name?: string }).name ?? '',
  );

export interface AwsDiscoveryOptions {
  /** Limit to the connected VPC; default every VPC the credentials see. */
  vpcId?: string;
  /** SSM is optional: without it, SDDC VMs have no managed-node ids in the result. */
  ssm?: SSMClient;
}

export async function collectAwsFiles(ec2: EC2Client, options: AwsDiscoveryOptions = {}): Promise<Map<string, string>> {
  const vpcFilter: Filter[] | undefined = options.vpcId ? [{ Name: 'vpc-id', Values: [options.vpcId] }] : undefined;
  const byVpc = vpcFilter ? { Filters: vpcFilter } : {};
  const client = { client: ec2 };
  const [vpcs, subnets, routeTables, acls, groups, enis, reservations, prefixLists] = await Promise.all([
    all(paginateDescribeVpcs(client, options.vpcId ? { VpcIds: [options.vpcId] } : {}), (p) => p.Vpcs),
    all(paginateDescribeSubnets(client, byVpc), (p) => p.Subnets),
    all(paginateDescribeRouteTables(client, byVpc), (p) => p.RouteTables),
    all(paginateDescribeNetworkAcls(client, byVpc), (p) => p.NetworkAcls),
    all(paginateDescribeSecurityGroups(client, byVpc), (p) => p.SecurityGroups),
    all(paginateDescribeNetworkInterfaces(client, byVpc), (p) => p.NetworkInterfaces),
    all(paginateDescribeInstances(client, byVpc), (p) => p.Reservations),
    all(paginateDescribeManagedPrefixLists(client, {}), (p) => p.PrefixLists),
  ]);
  const groupIds = groups.map((g) => g.GroupId!).filter(Boolean);
  const rules =
    groupIds.length === 0
      ? []
      : await all(
          paginateDescribeSecurityGroupRules(client, { Filters: [{ Name: 'group-id', Values: groupIds }] }),
          (p) => p.SecurityGroupRules,
        );

  const out = new Map<string, string>();
  out.set(files.vpcs, cliJson({ Vpcs: vpcs }));
  out.set(files.subnets, cliJson({ Subnets: subnets }));
  out.set(files.routeTables, cliJson({ RouteTables: routeTables }));
  out.set(files.networkAcls, cliJson({ NetworkAcls: acls }));
  out.set(files.securityGroups, cliJson({ SecurityGroups: groups }));
  out.set(files.securityGroupRules, cliJson({ SecurityGroupRules: rules }));
  out.set(files.networkInterfaces, cliJson({ NetworkInterfaces: enis }));
  out.set(files.instances, cliJson({ Reservations: reservations }));
  // Only the prefix lists the configuration uses: AWS-managed ones are many and irrelevant.
  const used = new Set<string>();
  for (const g of groups)
    for (const p of [...(g.IpPermissions ?? []), ...(g.IpPermissionsEgress ?? [])])
      for (const pl of p.PrefixListIds ?? []) used.add(pl.PrefixListId!);
  for (const rt of routeTables) for (const r of rt.Routes ?? []) if (r.DestinationPrefixListId) used.add(r.DestinationPrefixListId);
  const usedLists = prefixLists.filter((p) => used.has(p.PrefixListId!));
  if (usedLists.length > 0) {
    out.set(files.prefixLists, cliJson({ PrefixLists: usedLists }));
    for (const pl of usedLists) {
      // Every page (a list may hold more entries than one answer gives). A list shared by another account
      // whose entries these credentials may not read is left without its file: the reader then warns and
      // the engine calls what depends on it indeterminate, instead of discovery failing as a whole.
      const entries = await all(paginateGetManagedPrefixListEntries(client, { PrefixListId: pl.PrefixListId }), (p) => p.Entries).catch(
        (e: unknown) => {
          if (isAccessError(e)) return undefined;
          throw e;
        },
      );
      if (entries) out.set(`aws/managed-prefix-list-entries/${pl.PrefixListId}.json`, cliJson({ Entries: entries }));
    }
  }
  if (options.ssm) {
    const nodes = await all(paginateDescribeInstanceInformation({ client: options.ssm }, {}), (p) => p.InstanceInformationList);
    out.set(files.ssmInstances, cliJson({ InstanceInformationList: nodes }));
  }
  return out;
}
