// What CGW and DFW rules share: their sources and destinations as NSX group paths (or ANY, literals,
// the predefined connected_vpc group) and their services, from the scenario's spec; the rule body both
// write (all but its scope); and how the plan writes an endpoint.
import type { CgwEndpoint, CgwRuleSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import { nsxTags, type RunContext } from '../run/run-context';

export function ruleEndpoint(e: CgwEndpoint, out: Provisioned): string[] {
  if (e === 'ANY') return ['ANY'];
  if (e === 'connected_vpc') return ['/infra/tier-0s/vmc/groups/connected_vpc'];
  if ('cidr' in e) return [e.cidr];
  return [out.groups.get(e.name)!];
}

export const ruleServices = (services: CgwRuleSpec['services']): string[] =>
  services === 'ANY' ? ['ANY'] : services === 'ICMP-ALL' ? ['/infra/services/ICMP-ALL'] : services;

/** An endpoint as the plan writes it. */
export const planEndpoint = (e: CgwEndpoint): string => (typeof e === 'string' ? e : 'cidr' in e ? e.cidr : `group ${e.name}`);

/** The fields of a CGW or DFW rule the body is made of. */
type RuleFields = Pick<CgwRuleSpec, 'name' | 'sequence' | 'from' | 'to' | 'services' | 'action' | 'direction'>;

/** The body of a rule PATCH, the run's tags on it; `scope` is the CGW's label or the DFW's Applied To. */
export const ruleBody = (ctx: RunContext, r: RuleFields, out: Provisioned, scope: string[]) => ({
  resource_type: 'Rule' as const,
  display_name: r.name,
  sequence_number: r.sequence,
  source_groups: ruleEndpoint(r.from, out),
  destination_groups: ruleEndpoint(r.to, out),
  services: ruleServices(r.services),
  scope,
  action: r.action,
  direction: r.direction,
  logged: true,
  tags: nsxTags(ctx),
});
