// DFW rules of the scenario (`nsx:dfw-rule`): single rules in the run's own security policy for their
// category (dfw-policy.ts), with a run-unique id, tagged and in the ledger (as `<policy>/<rule>`)
// before they are written.
import type { ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { nsxId, type RunContext } from '../run/run-context';
import { dfwPolicyOf } from './dfw-policy';
import type { ResourceKind } from './kind';
import { planEndpoint, ruleBody } from './nsx-rule-fields';
import { nsxNotFound } from './removal';

const type = 'nsx:dfw-rule';

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  for (const r of spec.dfwRules) {
    const policy = dfwPolicyOf(ctx, r.category);
    const id = nsxId(ctx, r.id);
    const entry = await ctx.ledger.record({ action: 'created', type, id: `${policy}/${id}`, name: r.name });
    await ctx.nsx.dfwRules(policy).patch(id, ruleBody(ctx, r, out, r.appliedTo === 'ANY' ? ['ANY'] : [out.groups.get(r.appliedTo.name)!]));
    await ctx.ledger.update(entry.seq, { state: 'live' });
    ctx.log(`created DFW rule ${r.name} (${r.category}, seq ${r.sequence}, ${r.action} ${r.direction})`);
  }
}

export const dfwRule = {
  type,
  plan: (spec) =>
    spec.dfwRules.map(
      (r) =>
        `  DFW rule ${r.name}: create (PATCH …/security-policies/vmc-reach-${r.category.toLowerCase()}-<run>/rules/${r.id}-<run>) seq ${r.sequence} ${planEndpoint(r.from)} → ${planEndpoint(r.to)} ${r.action} ${r.direction}`,
    ),
  provision,
  async remove(c, e) {
    const [policy, id] = e.id!.split('/') as [string, string];
    if (!(await c.nsx.dfwRules(policy).delete(id))) throw nsxNotFound(e);
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
