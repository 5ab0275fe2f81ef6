// The run's own DFW security policies (`nsx:dfw-policy`): one per category the scenario's DFW rules
// use, `vmc-reach-<category>-<run>`, created and in the ledger before any rule is written in it. The
// run never writes in the default section (the default rule's action is dfw-default-rule.ts).
import type { DfwRuleSpec, ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { nsxId, nsxTags, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { nsxNotFound } from './removal';

const type = 'nsx:dfw-policy';

/** The run's own DFW security policy for a category: `vmc-reach-<category>-<run>`. */
export const dfwPolicyOf = (ctx: RunContext, category: DfwRuleSpec['category']): string =>
  nsxId(ctx, `vmc-reach-${category.toLowerCase()}`);

async function provision(ctx: RunContext, spec: ScenarioSpec, _out: Provisioned): Promise<void> {
  const categories = [...new Set(spec.dfwRules.map((r) => r.category))];
  for (const category of categories) {
    const id = dfwPolicyOf(ctx, category);
    const entry = await ctx.ledger.record({ action: 'created', type, id, name: `${category} policy` });
    await ctx.nsx.securityPolicies.patch(id, {
      display_name: `vmc-reach ${category}`,
      category,
      sequence_number: 1,
      scope: ['ANY'],
      stateful: true,
      tags: nsxTags(ctx),
    });
    await ctx.ledger.update(entry.seq, { state: 'live' });
  }
}

export const dfwPolicy = {
  type,
  provision,
  async remove(c, e) {
    if (!(await c.nsx.securityPolicies.delete(e.id!))) throw nsxNotFound(e);
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
