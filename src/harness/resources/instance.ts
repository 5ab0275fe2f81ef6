// EC2 test instances (`ec2:instance`): launched with RunInstances after a ledger entry holding the
// client token (so a crash between the call and the ledger update can still be reaped), then waited on:
// running, and SSM agents online for those with an instance profile. Teardown terminates all of a run's
// instances with one call and one wait, before anything else (they hold the groups and subnets); an
// instance whose id never reached the ledger is found by its client token, else by its run tags.
import { DescribeInstancesCommand, RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, GetParameterCommand } from '@aws-sdk/client-ssm';
import { isCredentialError } from '../../clients/aws';
import type { LedgerEntry } from '../../target/ledger';
import { ssmCallError } from '../../target/ssm-nodes';
import { waitUntil, WaitTimeoutError } from '../../target/wait';
import type { ScenarioSpec } from '../dsl/spec';
import { ProvisionError } from '../run/provision-error';
import type { Provisioned } from '../run/provisioned';
import { tagSpec, type RunContext } from '../run/run-context';
import type { ResourceKind, TeardownClients } from './kind';
import { gone } from './removal';

const type = 'ec2:instance';

async function resolveImage(ctx: RunContext): Promise<string> {
  if (!ctx.settings.image.startsWith('/')) return ctx.settings.image;
  const p = await ctx.aws.ssm.send(new GetParameterCommand({ Name: ctx.settings.image }));
  const id = p.Parameter?.Value;
  if (!id) throw new ProvisionError(`SSM parameter ${ctx.settings.image} holds no AMI id`);
  return id;
}

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  if (spec.instances.length === 0) return;
  const imageId = await resolveImage(ctx);
  const defaultSubnet = ctx.settings.subnetId ?? ctx.discovery.connectedVpc.connectedSubnetId;
  for (const inst of spec.instances) {
    const subnetId = inst.subnet ? out.subnets.get(inst.subnet)! : defaultSubnet;
    if (!subnetId)
      throw new ProvisionError('no subnet for the test instances: discovery found no connected subnet; set "live.subnetId" in the config');
    const clientToken = `${ctx.runId}-${inst.name}`.slice(0, 64);
    const profile = inst.instanceProfile ? ctx.settings.instanceProfile : undefined;
    const entry = await ctx.ledger.record({ action: 'created', type, name: inst.name, details: { clientToken, runTag: ctx.runId } });
    const r = await ctx.aws.ec2.send(
      new RunInstancesCommand({
        ImageId: imageId,
        InstanceType: ctx.settings.instanceType as never,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnetId,
        SecurityGroupIds: inst.securityGroups.map((sg) =>
          sg.name === 'default' ? out.defaultSecurityGroupId : out.securityGroups.get(sg.name)!,
        ),
        ClientToken: clientToken,
        TagSpecifications: tagSpec(ctx, 'instance', inst.name),
        ...(profile ? { IamInstanceProfile: profile.startsWith('arn:') ? { Arn: profile } : { Name: profile } } : {}),
      }),
    );
    const i = r.Instances![0]!;
    await ctx.ledger.update(entry.seq, { id: i.InstanceId!, state: 'live' });
    const noProfile = inst.instanceProfile
      ? `${inst.name} was launched without an instance profile because none is configured (live.instanceProfile / VMC_REACH_INSTANCE_PROFILE), so its SSM agent cannot register`
      : `${inst.name} has no instance profile, so the SSM agent cannot register and no command can run on it`;
    out.instances.set(inst.name, {
      instanceId: i.InstanceId!,
      privateIp: i.PrivateIpAddress!,
      ssm: profile ? { ready: false, why: 'not yet online' } : { ready: false, why: noProfile },
    });
    ctx.log(`launched ${inst.name} (${i.InstanceId}, ${i.PrivateIpAddress})${profile ? '' : ' without an instance profile'}`);
  }
  await waitForInstances(ctx, spec, out);
}

async function waitForInstances(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const ids = spec.instances.map((i) => out.instances.get(i.name)!.instanceId);
  await waitUntil(
    async () => {
      const r = await ctx.aws.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
      const states = (r.Reservations ?? []).flatMap((res) => res.Instances ?? []).map((i) => `${i.InstanceId}:${i.State?.Name}`);
      const bad = states.filter((s) => /:(terminated|shutting-down|stopped)$/.test(s));
      if (bad.length) throw new ProvisionError(`instances stopped before running: ${bad.join(', ')}`);
      return states.length === ids.length && states.every((s) => s.endsWith(':running'))
        ? { done: true, value: undefined }
        : { done: false, observed: states };
    },
    {
      purpose: 'the test instances to be running',
      timeoutMs: ctx.timeouts.instanceMs,
      initialDelayMs: 2_000,
      factor: 1.5,
      maxDelayMs: 5_000,
      clock: ctx.clock,
      retryOn: (e) => (e as { name?: string }).name === 'InvalidInstanceID.NotFound',
    },
  );
  // Only instances launched with a profile can register; the others already say why not.
  const managed = spec.instances.map((i) => out.instances.get(i.name)!).filter((m) => m.ssm.ready || m.ssm.why === 'not yet online');
  if (managed.length === 0) return;
  await waitUntil(
    async () => {
      const r = await ctx.aws.ssm.send(
        new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: managed.map((m) => m.instanceId) }] }),
      );
      const online = new Set((r.InstanceInformationList ?? []).filter((n) => n.PingStatus === 'Online').map((n) => n.InstanceId));
      for (const m of managed) if (online.has(m.instanceId)) m.ssm = { ready: true };
      return managed.every((m) => m.ssm.ready) ? { done: true, value: undefined } : { done: false, observed: [...online] };
    },
    {
      purpose: 'the SSM agents of the test instances to be online (instance profile, SSM endpoints reachable)',
      timeoutMs: ctx.timeouts.ssmOnlineMs,
      initialDelayMs: 2_000,
      factor: 1.5,
      maxDelayMs: 5_000,
      clock: ctx.clock,
    },
  ).catch((e) => {
    if (isCredentialError(e)) throw e; // refused credentials end the run, they say nothing about the agents
    const why =
      e instanceof WaitTimeoutError
        ? `the SSM agent did not come online: ${e.message}`
        : `its SSM state could not be read: ${ssmCallError('DescribeInstanceInformation', ctx.settings, e)}`;
    for (const m of managed) if (!m.ssm.ready) m.ssm = { ready: false, why };
  });
}

async function findInstanceId(c: TeardownClients, entry: LedgerEntry): Promise<string | undefined> {
  if (entry.id) return entry.id;
  const token = entry.details?.clientToken as string | undefined;
  if (!token) return undefined;
  const first = (r: { Reservations?: { Instances?: { InstanceId?: string }[] }[] }): string | undefined =>
    r.Reservations?.flatMap((x) => x.Instances ?? [])[0]?.InstanceId;
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
    const id = first(
      await c.ec2.send(
        new DescribeInstancesCommand({
          Filters: [
            { Name: 'tag:vmc-reach:run-id', Values: [runTag] },
            { Name: 'tag:Name', Values: [entry.name] },
            { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
          ],
        }),
      ),
    );
    // RunInstances tags an instance as it creates it, so an answered search by the run's tags that finds
    // none is an answer even when the client-token search failed: the instance was never launched (or is
    // already terminating). This is what lets a run killed between its ledger entry and RunInstances be
    // reaped against moto.
    return id;
  }
  if (failure) throw failure;
  return undefined;
}

export const instance = {
  type,
  plan: (spec) =>
    spec.instances.map(
      (i) =>
        `  instance ${i.name}: create (SSM GetParameter for the AMI, RunInstances with a client token${i.instanceProfile ? ' and the instance profile' : ', no instance profile'}; wait running${i.instanceProfile ? ' and SSM Online' : ''})`,
    ),
  provision,
  async remove(c, e) {
    const id = await findInstanceId(c, e);
    if (!id) return 'skipped';
    await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    await waitUntil(
      async () => {
        const r = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
        const state = r.Reservations?.[0]?.Instances?.[0]?.State?.Name;
        return state === 'terminated' || state === undefined ? { done: true, value: undefined } : { done: false, observed: state };
      },
      {
        purpose: `instance ${id} to terminate`,
        timeoutMs: c.waitMs,
        initialDelayMs: 2_000,
        factor: 1.5,
        maxDelayMs: 5_000,
        clock: c.clock,
        retryOn: gone,
      },
    ).catch((err) => {
      if (!gone(err)) throw err;
    });
    return 'removed';
  },
  /**
   * All at once: one TerminateInstances for every instance of the run, then one wait for all of them
   * (they shut down in parallel, so teardown takes one shutdown, not one per instance).
   */
  async removeTogether(c, entries, settle) {
    // A lookup that failed is not "never launched": that entry is left to the one-by-one pass.
    const looked = await Promise.all(entries.map(async (e) => ({ e, id: await findInstanceId(c, e).catch(() => null) })));
    const found = looked.filter((x) => typeof x.id === 'string') as { e: LedgerEntry; id: string }[];
    for (const { e, id } of looked) if (id === undefined) await settle.neverCreated(e);
    if (found.length === 0) return;
    const ids = found.map((f) => f.id);
    try {
      await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
      await waitUntil(
        async () => {
          const r = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
          const states = (r.Reservations ?? []).flatMap((x) => x.Instances ?? []).map((i) => i.State?.Name);
          return states.every((st) => st === 'terminated') ? { done: true, value: undefined } : { done: false, observed: states };
        },
        {
          purpose: `instances ${ids.join(', ')} to terminate`,
          timeoutMs: c.waitMs,
          initialDelayMs: 2_000,
          factor: 1.5,
          maxDelayMs: 5_000,
          clock: c.clock,
          retryOn: gone,
        },
      );
    } catch {
      return; // one by one, where each failure is reported with its own entry
    }
    for (const { e } of found) await settle.removed(e);
  },
} satisfies ResourceKind<typeof type>;
