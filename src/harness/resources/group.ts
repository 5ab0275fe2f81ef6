// NSX groups of the scenario (`nsx:group`) in domain cgw: VM name or tag conditions, IP addresses and
// segment paths, ORed; created with a run-unique id, tagged and in the ledger before use. Removal
// retries while a rule still references the group.
import type { GroupExpressionJson } from '../../clients/vmc';
import type { GroupSpec, ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { nsxId, nsxTags, type RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { nsxNotFound, retryWhileDependent } from './removal';

const type = 'nsx:group';

function expression(g: GroupSpec, out: Provisioned): GroupExpressionJson[] {
  const parts: GroupExpressionJson[] = g.members.map((m) => {
    if ('vmName' in m)
      return { resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: m.vmName };
    if ('ip' in m) return { resource_type: 'IPAddressExpression', ip_addresses: [m.ip] };
    if ('tag' in m) return { resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Tag', operator: 'EQUALS', value: m.tag };
    return { resource_type: 'PathExpression', paths: [out.segments.get(m.segment.name)!.path] };
  });
  return parts.flatMap((p, i) =>
    i === 0 ? [p] : [{ resource_type: 'ConjunctionOperator', conjunction_operator: 'OR' } as GroupExpressionJson, p],
  );
}

async function provision(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  for (const g of spec.groups) {
    const id = nsxId(ctx, g.id);
    const entry = await ctx.ledger.record({ action: 'created', type, id, name: g.name });
    await ctx.nsx.groups.patch(id, { display_name: g.name, expression: expression(g, out), tags: nsxTags(ctx) });
    const created = await ctx.nsx.groups.get(id);
    await ctx.ledger.update(entry.seq, { state: 'live' });
    out.groups.set(g.name, created.path);
    ctx.log(`created group ${g.name}`);
  }
}

export const group = {
  type,
  plan: (spec) =>
    spec.groups.map(
      (g) => `  group ${g.name}: create (PATCH /policy/api/v1/infra/domains/cgw/groups/${g.id}-<run>) members ${JSON.stringify(g.members)}`,
    ),
  provision,
  async remove(c, e) {
    await retryWhileDependent(c, `group ${e.id} to be deletable`, async () => {
      if (!(await c.nsx.groups.delete(e.id!))) throw nsxNotFound(e);
    });
    return 'removed';
  },
} satisfies ResourceKind<typeof type>;
