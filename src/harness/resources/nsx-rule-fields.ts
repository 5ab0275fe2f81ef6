// What CGW and DFW rules share: their sources and destinations as NSX group paths (or ANY, literals,
// the predefined connected_vpc group) and their services, from the scenario's spec; and how the plan
// writes an endpoint.
import type { CgwEndpoint, CgwRuleSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';

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
