// Compute gateway firewall rules (`nsx:cgw-rule`): written one at a time into the default gateway
// policy (never the whole policy), with a run-unique id, tagged and in the ledger before use.
import type { CgwRuleSpec, ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { nsxId, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { planEndpoint, ruleBody } from './nsx-rule-fields';
import { nsxNotFound } from './removal';

const type = 'nsx:cgw-rule';

const scopeOf: Record<CgwRuleSpec['appliedTo'], string> = {
  vpc: '/infra/labels/cgw-cross-vpc',
  'all-uplinks': '/infra/labels/cgw-all',
  internet: '/infra/labels/cgw-public',
  'direct-connect': '/infra/labels/cgw-direct-connect',
};

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  for (const r of spec.cgwRules) {
    const id = nsxId(ctx, r.id);
    const entry = await ctx.ledger.record({ action: 'created', type, id, name: r.name });
    await ctx.nsx.rules.patch(id, ruleBody(ctx, r, out, [scopeOf[r.appliedTo]]));
    await ctx.ledger.update(entry.seq, { state: 'live' });
    ctx.log(`created CGW rule ${r.name} (seq ${r.sequence}, ${r.action} ${r.direction}, Applied To ${r.appliedTo})`);
  }
}

export const cgwRule = {
  type,
  plan: (spec) =>
    spec.cgwRules.map(
      (r) =>
        `  CGW rule ${r.name}: create (PATCH …/gateway-policies/default/rules/${r.id}-<run>) seq ${r.sequence} ${planEndpoint(r.from)} → ${planEndpoint(r.to)} ${r.action} ${r.direction}, Applied To ${r.appliedTo}`,
    ),
  provision,
  async remove(c, e) {
    if (!(await c.nsx.rules.delete(e.id!))) throw nsxNotFound(e);
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
