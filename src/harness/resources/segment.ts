// SDDC segments (`nsx:segment`): a segment that already holds the scenario's subnet is adopted (never
// deleted, its connectivity never changed at set-up); otherwise one is created with a run-unique id,
// tagged and in the ledger before use. After provisioning, the run waits until VMC routes every
// connected segment to the active cross-link ENI in the VPC's managed route tables.
import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import { waitUntil } from '../../target/wait';
import { formatCidr, parseCidr } from '../../world/cidr';
import type { ScenarioSpec } from '../dsl/spec';
import { ProvisionError } from '../run/provision-error';
import type { Provisioned } from '../run/provisioned';
import { nsxId, nsxTags, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { nsxNotFound, retryWhileDependent } from './removal';

const type = 'nsx:segment';

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const existing = await ctx.nsx.segments.list();
  for (const seg of spec.segments) {
    const cidr = formatCidr(parseCidr(seg.gateway));
    const found = existing.find((s) =>
      s.subnets.some((sub) => sub.network === cidr || (sub.gateway_address && formatCidr(parseCidr(sub.gateway_address)) === cidr)),
    );
    if (found) {
      await ctx.ledger.record({ action: 'adopted', type, id: found.id, name: seg.name });
      out.segments.set(seg.name, { id: found.id, path: found.path, cidr });
      ctx.log(`adopted segment ${found.display_name ?? found.id} (${cidr})`);
      if (seg.connectivity !== (found.advanced_config?.connectivity ?? 'ON')) {
        throw new ProvisionError(
          `segment ${found.id} exists with connectivity ${found.advanced_config?.connectivity}; the scenario needs ${seg.connectivity}, and the harness does not change an adopted segment's connectivity at set-up`,
        );
      }
      continue;
    }
    const id = nsxId(ctx, seg.id);
    const entry = await ctx.ledger.record({ action: 'created', type, id, name: seg.name });
    await ctx.nsx.segments.patch(id, {
      display_name: seg.name,
      subnets: [{ gateway_address: seg.gateway }],
      advanced_config: { connectivity: seg.connectivity },
      tags: nsxTags(ctx),
    });
    const created = await ctx.nsx.segments.get(id);
    await ctx.ledger.update(entry.seq, { state: 'live' });
    out.segments.set(seg.name, { id, path: created.path, cidr });
    ctx.log(`created segment ${seg.name} ${cidr}`);
  }
}

/** Waits until the managed route tables route every connected segment of the scenario to the active cross-link ENI. */
export async function waitForSegmentRoutes(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const segments = spec.segments.filter((s) => s.connectivity === 'ON').map((s) => s.name);
  const tables = ctx.discovery.connectedVpc.managedRouteTableIds;
  if (segments.length === 0 || tables.length === 0) return;
  const cidrs = segments.map((s) => out.segments.get(s)!.cidr);
  await waitUntil(
    async () => {
      const r = await ctx.aws.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: tables }));
      const missing = cidrs.filter(
        (c) =>
          !(r.RouteTables ?? []).some((t) =>
            (t.Routes ?? []).some((rt) => rt.DestinationCidrBlock === c && rt.NetworkInterfaceId === ctx.discovery.connectedVpc.activeEni),
          ),
      );
      return missing.length === 0 ? { done: true, value: undefined } : { done: false, observed: { missing } };
    },
    {
      purpose: `VMC to route ${cidrs.join(', ')} to the active cross-link ENI in ${tables.join(', ')}`,
      timeoutMs: ctx.timeouts.routeMs,
      initialDelayMs: 1_000,
      factor: 1.5,
      maxDelayMs: 5_000,
      clock: ctx.clock,
    },
  );
}

export const segment = {
  type,
  plan: (spec) =>
    spec.segments.map(
      (s) =>
        `  segment ${s.name} ${s.gateway}: adopt the segment holding this subnet if one exists, else create (PATCH /policy/api/v1/infra/tier-1s/cgw/segments/<id>-<run>, tagged vmc-reach:run-id)`,
    ),
  provision,
  async remove(c, e) {
    await retryWhileDependent(c, `segment ${e.id} to be deletable`, async () => {
      if (!(await c.nsx.segments.delete(e.id!))) throw nsxNotFound(e);
    });
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
