// Inventory groups in domain `cgw` (`/infra/domains/cgw/groups/{id}`): PATCH create-or-merge, PUT with
// `_revision`, DELETE refused while referenced; and the read-only tier-0 system
// groups (`/infra/tier-0s/vmc/groups/connected_vpc`, …).
import { isIP } from 'node:net';
import { nsxError } from '../errors';
import { isIpv4, isIpv4Cidr, parseIpRange } from '../cidr';
import type { NsxTag } from '../tags';
import { mustGetNsx, type World } from '../world';
import type { Group, GroupExpression } from './types';
import { systemGroups, tier0Domain } from './system-groups';

export { connectedVpcGroupPath } from './system-groups';

/** An IPv6 address or CIDR (NSX accepts both in IPAddressExpression; IPv4 flows never match them). */
const isIpv6Literal = (s: string): boolean => {
  const [addr, len, ...rest] = s.split('/');
  // The colon first: node compiles its large IPv6 pattern on first use (costly at start-up).
  return (
    rest.length === 0 &&
    (addr ?? '').includes(':') &&
    isIP(addr ?? '') === 6 &&
    (len === undefined || (/^\d{1,3}$/.test(len) && Number(len) <= 128))
  );
};

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
  extendedExpression?: Record<string, unknown>[];
  tags?: NsxTag[];
}

function validateExpression(expr: readonly GroupExpression[], where: string): void {
  if (expr.at(-1)?.resourceType === 'ConjunctionOperator') {
    throw nsxError(500196, `${where}: expressions must not end with a ConjunctionOperator.`, 400);
  }
  expr.forEach((e, i) => {
    const odd = i % 2 === 1;
    if (odd !== (e.resourceType === 'ConjunctionOperator')) {
      throw nsxError(
        500196,
        `${where}: expressions must alternate with ConjunctionOperator entries (expression[${i}] is ${e.resourceType}).`,
        400,
      );
    }
    if (e.resourceType === 'IPAddressExpression') {
      for (const ip of e.ipAddresses) {
        if (!isIpv4(ip) && !isIpv4Cidr(ip) && !parseIpRange(ip) && !isIpv6Literal(ip))
          throw nsxError(500196, `${where}: invalid IP address '${ip}' in IPAddressExpression.`, 400);
      }
    }
    if (e.resourceType === 'NestedExpression') validateExpression(e.expressions, `${where}.expressions[${i}]`);
  });
}

/** PATCH: creates the group if absent, else merges the given fields. */
export function patchGroup(world: World, domain: string, id: string, input: GroupInput): Group {
  const existing = world.nsx.groups.get(groupPath(domain, id));
  return writeGroup(world, domain, id, input, existing, existing);
}

/** PUT: create, or full replace of an existing group, which needs the current `_revision` (412 when stale). */
export function putGroup(world: World, domain: string, id: string, input: GroupInput, revision?: number): Group {
  const path = groupPath(domain, id);
  const existing = world.nsx.groups.get(path);
  if (existing && !existing.systemOwned && revision !== existing.revision) {
    throw nsxError(
      604,
      `The object was modified by somebody else (revision ${revision ?? 'missing'}, current ${existing.revision}). Refetch and retry.`,
      412,
    );
  }
  return writeGroup(world, domain, id, input, undefined, existing);
}

/**
 * Validates and stores a group built from `input` over `base` (PATCH merges into the existing group, PUT
 * into nothing); `previous`, the group replaced, gives the next `_revision`. Nothing changes on error.
 */
function writeGroup(
  world: World,
  domain: string,
  id: string,
  input: GroupInput,
  base: Group | undefined,
  previous: Group | undefined,
): Group {
  const path = groupPath(domain, id);
  if (previous?.systemOwned || domain === tier0Domain) throw nsxError(500105, `Group ${path} is system owned and cannot be modified.`, 403);
  const expression = input.expression ?? base?.expression ?? [];
  validateExpression(expression, `group ${id}`);
  const description = input.description ?? base?.description;
  const group: Group = {
    id,
    domain,
    path,
    displayName: input.displayName ?? base?.displayName ?? id,
    expression: structuredClone(expression),
    revision: previous ? previous.revision + 1 : 0,
    tags: input.tags ? [...input.tags] : (base?.tags ?? []),
    systemOwned: false,
    ...(description ? { description } : {}),
  };
  const extended = input.extendedExpression ?? base?.extendedExpression;
  if (extended && extended.length > 0) group.extendedExpression = structuredClone(extended);
  world.nsx.groups.set(path, group);
  world.touch();
  return group;
}

export const getGroup = (world: World, path: string): Group => mustGetNsx(world.nsx.groups, path, `group ${path}`);

export function listGroups(world: World, domain: string): Group[] {
  return [...world.nsx.groups.values()].filter((g) => g.domain === domain);
}

/** DELETE: refused while a CGW rule or another group's PathExpression refers to the group. */
export function deleteGroup(world: World, domain: string, id: string): void {
  const path = groupPath(domain, id);
  if (getGroup(world, path).systemOwned) throw nsxError(500105, `Group ${path} is system owned and cannot be deleted.`, 403);
  const user = [...world.nsx.cgwRules.values()].find((r) => r.sourceGroups.includes(path) || r.destinationGroups.includes(path));
  if (user) throw nsxError(500030, `Group ${path} cannot be deleted as it is being referenced by rule ${user.path}.`, 400);
  const parent = [...world.nsx.groups.values()].find((g) => g.path !== path && JSON.stringify(g.expression).includes(`"${path}"`));
  if (parent) throw nsxError(500030, `Group ${path} cannot be deleted as it is being referenced by group ${parent.path}.`, 400);
  world.nsx.groups.delete(path);
  world.touch();
}

/** Adds the tier-0 system groups if the world lacks them. */
export function ensureSystemGroups(world: World): void {
  for (const g of systemGroups()) if (!world.nsx.groups.has(g.path)) world.nsx.groups.set(g.path, g);
}
