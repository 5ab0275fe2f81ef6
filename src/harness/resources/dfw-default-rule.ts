// The DFW's default layer-3 rule (`nsx:dfw-default-rule`), a foreign object: when the scenario sets its
// action, the current action is recorded in the ledger first and restored exactly at teardown.
import type { ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';

const type = 'nsx:dfw-default-rule';

async function provision(ctx: RunContext, spec: ScenarioSpec, _out: Provisioned): Promise<void> {
  if (!spec.dfwDefaultAction) return;
  const [section, rule] = ['default-layer3-section', 'default-layer3-rule'];
  const before = (await ctx.nsx.dfwRules(section).get(rule)).action;
  await ctx.ledger.record({
    action: 'changed',
    type,
    id: `${section}/${rule}`,
    name: 'DFW default rule',
    revert: { action: 'PATCH DFW rule', params: { policy: section, id: rule, action: before } },
  });
  await ctx.nsx.dfwRules(section).patch(rule, { action: spec.dfwDefaultAction });
  ctx.log(`DFW default rule: ${before} → ${spec.dfwDefaultAction} (reverted at teardown)`);
}

export const dfwDefaultRule = {
  type,
  plan: (spec) =>
    spec.dfwDefaultAction
      ? [
          `  DFW default rule: set to ${spec.dfwDefaultAction} (PATCH …/security-policies/default-layer3-section/rules/default-layer3-rule), reverted at teardown`,
        ]
      : [],
  provision,
  async remove(c, e) {
    const p = e.revert!.params as { policy: string; id: string; action: 'ALLOW' | 'DROP' | 'REJECT' };
    await c.nsx.dfwRules(p.policy).patch(p.id, { action: p.action });
    return 'reverted';
  },
} satisfies ResourceKind<typeof type>;
