// Provisioning, SDDC side, through the NSX client: segments (an existing one with the same subnet is
// adopted), groups, CGW rules (one rule at a time, never the whole policy), and the existing VMs looked
// up by display name. Every created object is tagged with the run id and in the ledger before use.
import { formatCidr, parseCidr } from '../../world/cidr';
import type { CgwEndpoint, CgwRuleSpec, DfwRuleSpec, GroupSpec, ScenarioSpec } from '../dsl/spec';
import type { GroupExpressionJson } from '../../clients/vmc';
import type { Provisioned } from './provisioned';
import { nsxId, nsxTags, type RunContext } from './run-context';
import { vmNode, type NodeLookup } from '../../target/ssm-nodes';

export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
}

const scopeOf: Record<CgwRuleSpec['appliedTo'], string> = {
  vpc: '/infra/labels/cgw-cross-vpc',
  'all-uplinks': '/infra/labels/cgw-all',
  internet: '/infra/labels/cgw-public',
  'direct-connect': '/infra/labels/cgw-direct-connect',
};

export async function provisionSegments(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const existing = await ctx.nsx.segments.list();
  for (const seg of spec.segments) {
    const cidr = formatCidr(parseCidr(seg.gateway));
    const found = existing.find((s) => s.subnets.some((sub) => sub.network === cidr || (sub.gateway_address && formatCidr(parseCidr(sub.gateway_address)) === cidr)));
    if (found) {
      await ctx.ledger.record({ action: 'adopted', type: 'nsx:segment', id: found.id, name: seg.name });
      out.segments.set(seg.name, { id: found.id, path: found.path, cidr });
      ctx.log(`adopted segment ${found.display_name ?? found.id} (${cidr})`);
      if (seg.connectivity !== (found.advanced_config?.connectivity ?? 'ON')) {
        throw new ProvisionError(`segment ${found.id} exists with connectivity ${found.advanced_config?.connectivity}; the scenario needs ${seg.connectivity}, and the harness does not change an adopted segment's connectivity at set-up`);
      }
      continue;
    }
    const id = nsxId(ctx, seg.id);
    const entry = await ctx.ledger.record({ action: 'created', type: 'nsx:segment', id, name: seg.name });
    await ctx.nsx.segments.patch(id, { display_name: seg.name, subnets: [{ gateway_address: seg.gateway }], advanced_config: { connectivity: seg.connectivity }, tags: nsxTags(ctx) });
    const created = await ctx.nsx.segments.get(id);
    await ctx.ledger.update(entry.seq, { state: 'live' });
    out.segments.set(seg.name, { id, path: created.path, cidr });
    ctx.log(`created segment ${seg.name} ${cidr}`);
  }
}

function expression(g: GroupSpec, out: Provisioned): GroupExpressionJson[] {
  const parts: GroupExpressionJson[] = g.members.map((m) => {
    if ('vmName' in m) return { resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: m.vmName };
    if ('ip' in m) return { resource_type: 'IPAddressExpression', ip_addresses: [m.ip] };
    if ('tag' in m) return { resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Tag', operator: 'EQUALS', value: m.tag };
    return { resource_type: 'PathExpression', paths: [out.segments.get(m.segment.name)!.path] };
  });
  return parts.flatMap((p, i) => (i === 0 ? [p] : [{ resource_type: 'ConjunctionOperator', conjunction_operator: 'OR' } as GroupExpressionJson, p]));
}

export async function provisionGroups(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  for (const g of spec.groups) {
    const id = nsxId(ctx, g.id);
    const entry = await ctx.ledger.record({ action: 'created', type: 'nsx:group', id, name: g.name });
    await ctx.nsx.groups.patch(id, { display_name: g.name, expression: expression(g, out), tags: nsxTags(ctx) });
    const created = await ctx.nsx.groups.get(id);
    await ctx.ledger.update(entry.seq, { state: 'live' });
    out.groups.set(g.name, created.path);
    ctx.log(`created group ${g.name}`);
  }
}

function endpoint(e: CgwEndpoint, out: Provisioned): string[] {
  if (e === 'ANY') return ['ANY'];
  if (e === 'connected_vpc') return ['/infra/tier-0s/vmc/groups/connected_vpc'];
  if ('cidr' in e) return [e.cidr];
  return [out.groups.get(e.name)!];
}

export async function provisionCgwRules(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  for (const r of spec.cgwRules) {
    const id = nsxId(ctx, r.id);
    const entry = await ctx.ledger.record({ action: 'created', type: 'nsx:cgw-rule', id, name: r.name });
    await ctx.nsx.rules.patch(id, {
      resource_type: 'Rule',
      display_name: r.name,
      sequence_number: r.sequence,
      source_groups: endpoint(r.from, out),
      destination_groups: endpoint(r.to, out),
      services: r.services === 'ANY' ? ['ANY'] : r.services === 'ICMP-ALL' ? ['/infra/services/ICMP-ALL'] : r.services,
      scope: [scopeOf[r.appliedTo]],
      action: r.action,
      direction: r.direction,
      logged: true,
      tags: nsxTags(ctx),
    });
    await ctx.ledger.update(entry.seq, { state: 'live' });
    ctx.log(`created CGW rule ${r.name} (seq ${r.sequence}, ${r.action} ${r.direction}, Applied To ${r.appliedTo})`);
  }
}

/** The run's own DFW security policy for a category: `vmc-reach-<category>-<run>`. */
const dfwPolicyOf = (ctx: RunContext, category: DfwRuleSpec['category']): string => nsxId(ctx, `vmc-reach-${category.toLowerCase()}`);

/**
 * DFW: one security policy of the run per category it uses (created, in the ledger before it is
 * written), then single rules in it; never the default section's rules. The default rule's action, a
 * foreign object, is recorded with its current action before it is changed, and reverted exactly.
 */
export async function provisionDfw(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const categories = [...new Set(spec.dfwRules.map((r) => r.category))];
  for (const category of categories) {
    const id = dfwPolicyOf(ctx, category);
    const entry = await ctx.ledger.record({ action: 'created', type: 'nsx:dfw-policy', id, name: `${category} policy` });
    await ctx.nsx.securityPolicies.patch(id, { display_name: `vmc-reach ${category}`, category, sequence_number: 1, scope: ['ANY'], stateful: true, tags: nsxTags(ctx) });
    await ctx.ledger.update(entry.seq, { state: 'live' });
  }
  for (const r of spec.dfwRules) {
    const policy = dfwPolicyOf(ctx, r.category);
    const id = nsxId(ctx, r.id);
    const entry = await ctx.ledger.record({ action: 'created', type: 'nsx:dfw-rule', id: `${policy}/${id}`, name: r.name });
    await ctx.nsx.dfwRules(policy).patch(id, {
      resource_type: 'Rule',
      display_name: r.name,
      sequence_number: r.sequence,
      source_groups: endpoint(r.from, out),
      destination_groups: endpoint(r.to, out),
      services: r.services === 'ANY' ? ['ANY'] : r.services === 'ICMP-ALL' ? ['/infra/services/ICMP-ALL'] : r.services,
      scope: r.appliedTo === 'ANY' ? ['ANY'] : [out.groups.get(r.appliedTo.name)!],
      action: r.action,
      direction: r.direction,
      logged: true,
      tags: nsxTags(ctx),
    });
    await ctx.ledger.update(entry.seq, { state: 'live' });
    ctx.log(`created DFW rule ${r.name} (${r.category}, seq ${r.sequence}, ${r.action} ${r.direction})`);
  }
  if (spec.dfwDefaultAction) {
    const [section, rule] = ['default-layer3-section', 'default-layer3-rule'];
    const before = (await ctx.nsx.dfwRules(section).get(rule)).action;
    await ctx.ledger.record({ action: 'changed', type: 'nsx:dfw-default-rule', id: `${section}/${rule}`, name: 'DFW default rule', revert: { action: 'PATCH DFW rule', params: { policy: section, id: rule, action: before } } });
    await ctx.nsx.dfwRules(section).patch(rule, { action: spec.dfwDefaultAction });
    ctx.log(`DFW default rule: ${before} → ${spec.dfwDefaultAction} (reverted at teardown)`);
  }
}

/** The existing VMs, by display name: external id, IP (from the VIFs), power, and SSM node if any. */
export async function findVms(ctx: RunContext, spec: ScenarioSpec, out: Provisioned, lookup: NodeLookup): Promise<void> {
  if (spec.vms.length === 0) return;
  const [vms, vifs] = await Promise.all([ctx.nsx.listVirtualMachines(), ctx.nsx.listVifs()]);
  for (const want of spec.vms) {
    const display = want.sddcName ?? want.name;
    const matches = vms.filter((v) => v.display_name === display);
    if (matches.length !== 1) {
      throw new ProvisionError(matches.length === 0
        ? `VM "${display}" is not in the SDDC's inventory (NSX realized-state virtual-machines); create it first, or map the scenario's VM "${want.name}" to one of the SDDC's VMs in live.vms`
        : `${matches.length} VMs are named "${display}"; the harness needs a unique display name`);
    }
    const vm = matches[0]!;
    const ips = vifs.filter((f) => f.owner_vm_id === vm.external_id).flatMap((f) => (f.ip_address_info ?? []).flatMap((i) => i.ip_addresses ?? [])).filter((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip));
    const ip = ips[0];
    if (!ip) throw new ProvisionError(`VM "${want.name}" reports no IPv4 address (VMware Tools not running?)`);
    const node = await vmNode({ name: display, ip }, ctx.settings.vmManagedInstanceIds[display], lookup);
    await ctx.ledger.record({ action: 'adopted', type: 'nsx:vm', id: vm.external_id, name: display });
    out.vms.set(want.name, { externalId: vm.external_id, ip, os: want.os, powerState: vm.power_state ?? 'UNKNOWN', ...node });
    if ('unavailable' in node) ctx.log(`VM ${display}: no probe can run from it: ${node.unavailable}`);
  }
}
