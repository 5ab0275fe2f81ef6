// Finds what runs left behind by their tag, not their ledger: EC2 instances, security groups, subnets,
// route tables and network ACLs with the tag key `vmc-reach:run-id` (tag filters, then an exact check of
// the key), and NSX segments, groups and CGW rules whose tags carry the scope `vmc-reach:run-id`. Nothing
// else qualifies: a similar key (`vmc-reach:run`), a Name that looks like ours, a main route table or a
// default NACL is never a candidate. Each candidate's age is that of its youngest evidence: the run id's
// timestamp and, for instances, LaunchTime; without either its age is unknown and it is left alone.
import {
  paginateDescribeInstances,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type EC2Client,
  type Filter,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { NsxClient } from '../../clients/vmc';
import { runIdStartedAt } from '../run-id-time';

export const runIdTagKey = 'vmc-reach:run-id';

export type TaggedKind =
  | 'ec2:instance'
  | 'ec2:security-group'
  | 'ec2:subnet'
  | 'ec2:route-table'
  | 'ec2:network-acl'
  | 'nsx:cgw-rule'
  | 'nsx:group'
  | 'nsx:segment';

export interface TaggedResource {
  kind: TaggedKind;
  id: string;
  name?: string;
  runId: string;
  /** Milliseconds since the youngest evidence of its creation; undefined when unknown. */
  ageMs?: number;
}

const tagFilter: Filter[] = [{ Name: 'tag-key', Values: [runIdTagKey] }];
const runIdOf = (tags: Tag[] | undefined): string | undefined => tags?.find((t) => t.Key === runIdTagKey)?.Value;
const nameOf = (tags: Tag[] | undefined): string | undefined => tags?.find((t) => t.Key === 'Name')?.Value;

function age(now: number, runId: string, launchedAt?: Date): number | undefined {
  const times = [runIdStartedAt(runId)?.getTime(), launchedAt?.getTime()].filter((t): t is number => t !== undefined);
  return times.length === 0 ? undefined : now - Math.max(...times);
}

async function all<P, T>(pages: AsyncIterable<P>, pick: (p: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

export async function findTaggedEc2(ec2: EC2Client, now: number): Promise<TaggedResource[]> {
  const client = { client: ec2 };
  const [reservations, groups, subnets, tables, acls] = await Promise.all([
    all(
      paginateDescribeInstances(client, {
        Filters: [...tagFilter, { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped', 'shutting-down'] }],
      }),
      (p) => p.Reservations,
    ),
    all(paginateDescribeSecurityGroups(client, { Filters: tagFilter }), (p) => p.SecurityGroups),
    all(paginateDescribeSubnets(client, { Filters: tagFilter }), (p) => p.Subnets),
    all(paginateDescribeRouteTables(client, { Filters: tagFilter }), (p) => p.RouteTables),
    all(paginateDescribeNetworkAcls(client, { Filters: tagFilter }), (p) => p.NetworkAcls),
  ]);
  const out: TaggedResource[] = [];
  const add = (kind: TaggedKind, id: string | undefined, tags: Tag[] | undefined, launchedAt?: Date): void => {
    const runId = runIdOf(tags);
    if (!id || runId === undefined) return; // the filter matched, but not our exact key: never ours
    const name = nameOf(tags);
    const ageMs = age(now, runId, launchedAt);
    out.push({ kind, id, runId, ...(name !== undefined ? { name } : {}), ...(ageMs !== undefined ? { ageMs } : {}) });
  };
  for (const i of reservations.flatMap((r) => r.Instances ?? [])) add('ec2:instance', i.InstanceId, i.Tags, i.LaunchTime);
  for (const g of groups) if (g.GroupName !== 'default') add('ec2:security-group', g.GroupId, g.Tags);
  for (const s of subnets) add('ec2:subnet', s.SubnetId, s.Tags);
  for (const t of tables) if (!t.Associations?.some((a) => a.Main)) add('ec2:route-table', t.RouteTableId, t.Tags);
  for (const a of acls) if (!a.IsDefault) add('ec2:network-acl', a.NetworkAclId, a.Tags);
  return out;
}

type NsxTagged = { id: string; display_name?: string; tags?: { scope?: string; tag: string }[] };

export async function findTaggedNsx(nsx: NsxClient, now: number): Promise<TaggedResource[]> {
  const [rules, groups, segments] = await Promise.all([nsx.rules.list(), nsx.groups.list(), nsx.segments.list()]);
  const out: TaggedResource[] = [];
  const add = (kind: TaggedKind, objects: NsxTagged[]): void => {
    for (const o of objects) {
      const runId = o.tags?.find((t) => t.scope === runIdTagKey)?.tag;
      if (runId === undefined) continue;
      const ageMs = age(now, runId);
      out.push({
        kind,
        id: o.id,
        runId,
        ...(o.display_name !== undefined ? { name: o.display_name } : {}),
        ...(ageMs !== undefined ? { ageMs } : {}),
      });
    }
  };
  add('nsx:cgw-rule', rules);
  add('nsx:group', groups);
  add('nsx:segment', segments);
  return out;
}
