// Teardown from the ledger: everything the run created is removed and every foreign change reverted,
// in reverse order; one failure does not stop the rest, and all failures are reported. Also what
// `vmc-reach reap --run <id>` runs to resume an interrupted teardown. Nothing without a ledger entry is
// ever touched; adopted resources are left alone. A NotFound is confirmed (tried again after a pause)
// before it counts as gone, and entries that failed get further passes (one failure can cause another).
import {
  AuthorizeSecurityGroupIngressCommand,
  DeleteNetworkAclCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  DeleteSubnetCommand,
  DescribeInstancesCommand,
  DisassociateRouteTableCommand,
  ReplaceNetworkAclAssociationCommand,
  RevokeSecurityGroupIngressCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type { NsxClient } from '../../clients/vmc';
import type { Ledger, LedgerEntry } from '../../target/ledger';
import { waitUntil, type Clock } from '../../target/wait';

export interface TeardownReport {
  removed: LedgerEntry[];
  reverted: LedgerEntry[];
  failed: { entry: LedgerEntry; error: string }[];
}

export interface TeardownClients {
  ec2: EC2Client;
  nsx: NsxClient;
  clock: Clock;
  log(line: string): void;
  /** How long to wait for instances to terminate and dependencies to clear. */
  waitMs: number;
}

const name = (e: unknown): string => (e as { name?: string }).name ?? '';
const gone = (e: unknown): boolean => /NotFound$/.test(name(e)) || /\.NotFound/.test(name(e));

/** An NSX DELETE answered 404: as an EC2 NotFound, confirmed before the entry counts as removed. */
const nsxNotFound = (e: LedgerEntry): Error => Object.assign(new Error(`${e.type} ${e.id} was not found`), { name: 'NsxObjectNotFound' });

/** A security group created by a run that died before recording its id is found by its run-unique name. */
async function findSecurityGroupId(c: TeardownClients, entry: LedgerEntry): Promise<string | undefined> {
  if (entry.id) return entry.id;
  const groupName = entry.details?.groupName as string | undefined;
  const vpcId = entry.details?.vpcId as string | undefined;
  if (!groupName || !vpcId) return undefined;
  const r = await c.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [groupName] }, { Name: 'vpc-id', Values: [vpcId] }] }));
  return r.SecurityGroups?.[0]?.GroupId;
}

async function findInstanceId(c: TeardownClients, entry: LedgerEntry): Promise<string | undefined> {
  if (entry.id) return entry.id;
  const token = entry.details?.clientToken as string | undefined;
  if (!token) return undefined;
  const first = (r: { Reservations?: { Instances?: { InstanceId?: string }[] }[] }): string | undefined => r.Reservations?.flatMap((x) => x.Instances ?? [])[0]?.InstanceId;
  let failure: unknown;
  try {
    const id = first(await c.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [token] }] })));
    if (id) return id;
  } catch (e) {
    failure = e; // moto 5.2 answers the client-token filter with an HTTP 500 page; AWS supports it
  }
  // Then by the tags RunInstances gave it (the run id and its name), among instances not yet terminated.
  const runTag = entry.details?.runTag as string | undefined;
  if (runTag && entry.name) {
    const id = first(await c.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:vmc-reach:run-id', Values: [runTag] }, { Name: 'tag:Name', Values: [entry.name] }, { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] })));
    if (id) return id;
  }
  if (failure) throw failure;
  return undefined;
}

async function retryWhileDependent(c: TeardownClients, purpose: string, fn: () => Promise<unknown>): Promise<void> {
  await waitUntil(async () => {
    await fn();
    return { done: true, value: undefined };
  }, { purpose, timeoutMs: c.waitMs, initialDelayMs: 1_000, clock: c.clock, retryOn: (e) => name(e) === 'DependencyViolation' || /referenced|children/i.test((e as Error).message ?? '') });
}

async function removeOne(c: TeardownClients, e: LedgerEntry): Promise<'removed' | 'reverted' | 'skipped'> {
  switch (e.type) {
    case 'ec2:instance': {
      const id = await findInstanceId(c, e);
      if (!id) return 'skipped';
      await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
      await waitUntil(async () => {
        const r = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
        const state = r.Reservations?.[0]?.Instances?.[0]?.State?.Name;
        return state === 'terminated' || state === undefined ? { done: true, value: undefined } : { done: false, observed: state };
      }, { purpose: `instance ${id} to terminate`, timeoutMs: c.waitMs, initialDelayMs: 2_000, factor: 1.5, maxDelayMs: 5_000, clock: c.clock, retryOn: gone }).catch((err) => {
        if (!gone(err)) throw err;
      });
      return 'removed';
    }
    case 'ec2:security-group': {
      const id = await findSecurityGroupId(c, e);
      if (!id) return 'skipped';
      await retryWhileDependent(c, `security group ${id} to be deletable`, () => c.ec2.send(new DeleteSecurityGroupCommand({ GroupId: id })));
      return 'removed';
    }
    case 'ec2:network-acl-association': {
      const previous = e.details?.previousNetworkAclId as string;
      await c.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: e.id, NetworkAclId: previous }));
      return 'reverted';
    }
    case 'ec2:network-acl':
      if (!e.id) return 'skipped';
      await retryWhileDependent(c, `network ACL ${e.id} to be deletable`, () => c.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: e.id })));
      return 'removed';
    case 'ec2:route-table-association':
      await c.ec2.send(new DisassociateRouteTableCommand({ AssociationId: e.id }));
      return 'removed';
    case 'ec2:route-table':
      if (!e.id) return 'skipped';
      await retryWhileDependent(c, `route table ${e.id} to be deletable`, () => c.ec2.send(new DeleteRouteTableCommand({ RouteTableId: e.id })));
      return 'removed';
    case 'ec2:subnet':
      if (!e.id) return 'skipped';
      await retryWhileDependent(c, `subnet ${e.id} to be deletable`, () => c.ec2.send(new DeleteSubnetCommand({ SubnetId: e.id })));
      return 'removed';
    case 'ec2:security-group-rule': {
      const r = e.revert!;
      const p = r.params as { GroupId: string; SecurityGroupRuleIds?: string[]; IpPermissions?: IpPermission[] };
      if (r.action === 'RevokeSecurityGroupIngress') await c.ec2.send(new RevokeSecurityGroupIngressCommand(p));
      else await c.ec2.send(new AuthorizeSecurityGroupIngressCommand(p as { GroupId: string; IpPermissions: IpPermission[] }));
      return 'reverted';
    }
    case 'nsx:cgw-rule':
      if (!(await c.nsx.rules.delete(e.id!))) throw nsxNotFound(e);
      return 'removed';
    case 'nsx:dfw-rule': {
      const [policy, id] = e.id!.split('/') as [string, string];
      if (!(await c.nsx.dfwRules(policy).delete(id))) throw nsxNotFound(e);
      return 'removed';
    }
    case 'nsx:dfw-policy':
      if (!(await c.nsx.securityPolicies.delete(e.id!))) throw nsxNotFound(e);
      return 'removed';
    case 'nsx:dfw-default-rule': {
      const p = e.revert!.params as { policy: string; id: string; action: 'ALLOW' | 'DROP' | 'REJECT' };
      await c.nsx.dfwRules(p.policy).patch(p.id, { action: p.action });
      return 'reverted';
    }
    case 'nsx:group':
      await retryWhileDependent(c, `group ${e.id} to be deletable`, async () => {
        if (!(await c.nsx.groups.delete(e.id!))) throw nsxNotFound(e);
      });
      return 'removed';
    case 'nsx:segment':
      await retryWhileDependent(c, `segment ${e.id} to be deletable`, async () => {
        if (!(await c.nsx.segments.delete(e.id!))) throw nsxNotFound(e);
      });
      return 'removed';
    case 'nsx:segment-connectivity': {
      const p = e.revert!.params as { id: string; connectivity: 'ON' | 'OFF' };
      await c.nsx.segments.patch(p.id, { advanced_config: { connectivity: p.connectivity } });
      return 'reverted';
    }
    default:
      throw new Error(`the ledger has an entry of a type this version cannot remove: ${e.type}`);
  }
}

/**
 * Instances first, all at once: one TerminateInstances for every instance of the run, then one wait for
 * all of them (they shut down in parallel, so teardown takes one shutdown, not one per instance).
 */
async function terminateAll(c: TeardownClients, ledger: Ledger, entries: LedgerEntry[], report: TeardownReport): Promise<Set<number>> {
  const done = new Set<number>();
  // A lookup that failed is not "never launched": that entry is left to the one-by-one pass below.
  const looked = await Promise.all(entries.map(async (e) => ({ e, id: await findInstanceId(c, e).catch(() => null) })));
  const found = looked.filter((x) => typeof x.id === 'string') as { e: LedgerEntry; id: string }[];
  for (const { e, id } of looked) {
    if (id === undefined) {
      await ledger.update(e.seq, { state: 'removed' }); // never launched: nothing to remove
      done.add(e.seq);
    }
  }
  if (found.length === 0) return done;
  const ids = found.map((f) => f.id);
  try {
    await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
    await waitUntil(async () => {
      const r = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
      const states = (r.Reservations ?? []).flatMap((x) => x.Instances ?? []).map((i) => i.State?.Name);
      return states.every((st) => st === 'terminated') ? { done: true, value: undefined } : { done: false, observed: states };
    }, { purpose: `instances ${ids.join(', ')} to terminate`, timeoutMs: c.waitMs, initialDelayMs: 2_000, factor: 1.5, maxDelayMs: 5_000, clock: c.clock, retryOn: gone });
  } catch {
    return done; // one by one below, where each failure is reported with its own entry
  }
  for (const { e } of found) {
    await ledger.update(e.seq, { state: 'removed' });
    report.removed.push(e);
    done.add(e.seq);
    c.log(`removed ${e.type} ${e.name ?? ''} ${e.id ?? ''}`.trim());
  }
  return done;
}

/**
 * One entry's removal. A NotFound is confirmed before it counts as gone: right after a create, EC2 and
 * NSX may answer NotFound for something that exists (eventual consistency), so the removal is tried
 * again after a pause, and only a repeated NotFound means the resource is really gone.
 */
async function removeConfirmingGone(c: TeardownClients, e: LedgerEntry): Promise<'removed' | 'reverted' | 'skipped' | 'gone'> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await removeOne(c, e);
    } catch (err) {
      if (!gone(err)) throw err;
      if (attempt >= notFoundConfirmations) return 'gone';
      await c.clock.sleep(2_000 * attempt);
    }
  }
}

const notFoundConfirmations = 3;
/** Passes over the entries that failed: a removal can fail only because an earlier one did (a rule still referencing a group). */
const maxPasses = 3;

export async function teardown(ledger: Ledger, c: TeardownClients): Promise<TeardownReport> {
  const report: TeardownReport = { removed: [], reverted: [], failed: [] };
  let todo = [...ledger.entries()].reverse().filter((e) => e.action !== 'adopted' && (e.state === 'live' || e.state === 'intended' || e.state === 'removal-failed'));
  const terminated = await terminateAll(c, ledger, todo.filter((e) => e.type === 'ec2:instance'), report);
  todo = todo.filter((e) => !terminated.has(e.seq));
  for (let pass = 1; pass <= maxPasses && todo.length > 0; pass++) {
    const failed: { entry: LedgerEntry; error: string }[] = [];
    for (const e of todo) {
      try {
        const outcome = await removeConfirmingGone(c, e);
        await ledger.update(e.seq, { state: 'removed' });
        if (outcome === 'skipped' || outcome === 'gone') continue;
        (outcome === 'reverted' ? report.reverted : report.removed).push(e);
        c.log(`${outcome} ${e.type} ${e.name ?? ''} ${e.id ?? ''}`.trim());
      } catch (err) {
        const message = `${name(err) || 'Error'}: ${(err as Error).message}`;
        await ledger.update(e.seq, { state: 'removal-failed', error: message });
        failed.push({ entry: e, error: message });
        c.log(`FAILED to remove ${e.type} ${e.id ?? ''}${pass < maxPasses ? ' (will try again)' : ''}: ${message}`);
      }
    }
    todo = failed.map((f) => f.entry);
    if (pass === maxPasses || failed.length === 0) report.failed.push(...failed);
  }
  await ledger.finish();
  return report;
}
