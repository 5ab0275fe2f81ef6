// Removes resources found by their run-id tag, in dependency order: instances (waiting until they are
// terminated), CGW rules, groups, segments, security groups, subnets, route tables, network ACLs. Each
// failure is reported and the rest goes on. A tagged resource still held by something the harness did not
// tag (a rule in the default SG naming a tagged group, an untagged subnet using a tagged ACL) fails with
// the provider's error: only the run's ledger knows how to revert such a change (`reap --run <id> --yes`).
import {
  DeleteNetworkAclCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DescribeInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { isReferencedError, type NsxClient } from '../../clients/vmc';
import { waitUntil, type Clock } from '../../target/wait';
import type { TaggedKind, TaggedResource } from './tagged-resources';

export interface RemoveTaggedClients {
  ec2: EC2Client;
  nsx?: NsxClient;
  clock: Clock;
  waitMs: number;
  log(line: string): void;
}

export interface RemoveTaggedReport {
  removed: TaggedResource[];
  failed: { resource: TaggedResource; error: string }[];
}

const order: TaggedKind[] = [
  'ec2:instance',
  'nsx:cgw-rule',
  'nsx:group',
  'nsx:segment',
  'ec2:security-group',
  'ec2:subnet',
  'ec2:route-table',
  'ec2:network-acl',
];
const errName = (e: unknown): string => (e as { name?: string }).name ?? 'Error';
const gone = (e: unknown): boolean => /NotFound/.test(errName(e));
const dependent = (e: unknown): boolean => errName(e) === 'DependencyViolation' || isReferencedError(e);

async function removeOne(c: RemoveTaggedClients, r: TaggedResource): Promise<void> {
  const retrying = (purpose: string, fn: () => Promise<unknown>): Promise<void> =>
    waitUntil(
      async () => {
        await fn();
        return { done: true, value: undefined };
      },
      { purpose, timeoutMs: c.waitMs, initialDelayMs: 1_000, clock: c.clock, retryOn: dependent },
    );
  const nsx = (): NsxClient => {
    if (!c.nsx) throw new Error('the NSX API is not reachable (see the error above); NSX objects are left alone');
    return c.nsx;
  };
  switch (r.kind) {
    case 'ec2:instance':
      await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: [r.id] }));
      await waitUntil(
        async () => {
          const state = (await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [r.id] }))).Reservations?.[0]?.Instances?.[0]?.State
            ?.Name;
          return state === 'terminated' || state === undefined ? { done: true, value: undefined } : { done: false, observed: state };
        },
        { purpose: `instance ${r.id} to terminate`, timeoutMs: c.waitMs, initialDelayMs: 1_000, clock: c.clock },
      );
      return;
    case 'nsx:cgw-rule':
      await nsx().rules.delete(r.id);
      return;
    case 'nsx:group':
      return retrying(`group ${r.id} to be deletable`, () => nsx().groups.delete(r.id));
    case 'nsx:segment':
      return retrying(`segment ${r.id} to be deletable`, () => nsx().segments.delete(r.id));
    case 'ec2:security-group':
      return retrying(`security group ${r.id} to be deletable`, () => c.ec2.send(new DeleteSecurityGroupCommand({ GroupId: r.id })));
    case 'ec2:subnet':
      return retrying(`subnet ${r.id} to be deletable`, () => c.ec2.send(new DeleteSubnetCommand({ SubnetId: r.id })));
    case 'ec2:route-table':
      return retrying(`route table ${r.id} to be deletable`, () => c.ec2.send(new DeleteRouteTableCommand({ RouteTableId: r.id })));
    case 'ec2:network-acl':
      return retrying(`network ACL ${r.id} to be deletable`, () => c.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: r.id })));
  }
}

export async function removeTagged(c: RemoveTaggedClients, resources: readonly TaggedResource[]): Promise<RemoveTaggedReport> {
  const report: RemoveTaggedReport = { removed: [], failed: [] };
  const sorted = [...resources].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const r of sorted) {
    try {
      await removeOne(c, r);
      report.removed.push(r);
      c.log(`removed ${r.kind} ${r.id} (run ${r.runId})`);
    } catch (e) {
      if (gone(e)) continue;
      const error = `${errName(e)}: ${(e as Error).message}`;
      report.failed.push({ resource: r, error });
      c.log(`FAILED to remove ${r.kind} ${r.id}: ${error}`);
    }
  }
  return report;
}
