// Inventory groups in domain `cgw` (`/infra/domains/cgw/groups/{id}`) and the read-only tier-0 system
// groups (`/infra/tier-0s/vmc/groups/connected_vpc`, …).
import { nsxError } from '../errors';
import { isIpv4, isIpv4Cidr, parseIpRange } from '../cidr';
import type { NsxTag } from '../tags';
import { mustGetNsx, type World } from '../world';
import type { Group, GroupExpression } from './types';
import { systemGroups, tier0Domain } from './system-groups';

export { connectedVpcGroupPath } from './system-groups';

/**
 * A group's policy path. Domain `tier-0` (the domain the system groups carry) stands for the read-only
 * tier-0 groups, `/infra/tier-0s/vmc/groups/{id}`; any other domain is `/infra/domains/{domain}/groups/{id}`.
 */
export const groupPath = (domain: string, id: string): string =>
  domain === tier0Domain ? `/infra/tier-0s/vmc/groups/${id}` : `/infra/domains/${domain}/groups/${id}`;

export interface GroupInput {
  displayName?: string;
  description?: string;
  expression?: GroupExpression[];
  tags?: NsxTag[];
}

function validateExpression(expr: readonly GroupExpression[], where: string): void {
  if (expr.at(-1)?.resourceType === 'ConjunctionOperator') {
    throw nsxError(500196, `${where}: expressions must not end with a ConjunctionOperator.`, 400);
  }
  expr.forEach((e, i) => {
    const odd = i % 2 === 1;
    if (odd !== (e.resourceType === 'ConjunctionOperator')) {
      throw nsxError(500196, `${where}: expressions must alternate with ConjunctionOperator entries (expression[${i}] is ${e.resourceType}).`, 400);
    }
    if (e.resourceType === 'IPAddressExpression') {
      for (const ip of e.ipAddresses) {
        if (!isIpv4(ip) && !isIpv4Cidr(ip) && !parseIpRange(ip)) throw nsxError(500196, `${where}: invalid IP address '${ip}' in IPAddressExpression.`, 400);
      }
    }
    if (e.resourceType === 'NestedExpression') validateExpression(e.expressions, `${where}.expressions[${i}]`);
  });
}

export function patchGroup(world: World, domain: string, id: string, input: GroupInput): Group {
  const path = groupPath(domain, id);
  const existing = world.nsx.groups.get(path);
  if (existing?.systemOwned || domain === tier0Domain) throw nsxError(500105, `Group ${path} is system owned and cannot be modified.`, 403);
  const expression = input.expression ?? existing?.expression ?? [];
  validateExpression(expression, `group ${id}`);
  const group: Group = {
    id,
    domain,
    path,
    displayName: input.displayName ?? existing?.displayName ?? id,
    expression: structuredClone(expression),
    revision: existing ? existing.revision + 1 : 0,
    tags: input.tags ? [...input.tags] : existing?.tags ?? [],
    systemOwned: false,
    ...(input.description ?? existing?.description ? { description: input.description ?? existing?.description } : {}),
  };
  world.nsx.groups.set(path, group);
  world.touch();
  return group;
}

export const getGroup = (world: World, path: string): Group => mustGetNsx(world.nsx.groups, path, `group ${path}`);

export function listGroups(world: World, domain: string): Group[] {
  return [...world.nsx.groups.values()].filter((g) => g.domain === domain);
}

/** DELETE: refused while a CGW rule refers to the group. */
export function deleteGroup(world: World, domain: string, id: string): void {
  const path = groupPath(domain, id);
  if (getGroup(world, path).systemOwned) throw nsxError(500105, `Group ${path} is system owned and cannot be deleted.`, 403);
  const user = [...world.nsx.cgwRules.values()].find((r) => r.sourceGroups.includes(path) || r.destinationGroups.includes(path));
  if (user) throw nsxError(500030, `Group ${path} cannot be deleted as it is being referenced by rule ${user.path}.`, 400);
  world.nsx.groups.delete(path);
  world.touch();
}

/** Adds the tier-0 system groups if the world lacks them. */
export function ensureSystemGroups(world: World): void {
  for (const g of systemGroups()) if (!world.nsx.groups.has(g.path)) world.nsx.groups.set(g.path, g);
}
