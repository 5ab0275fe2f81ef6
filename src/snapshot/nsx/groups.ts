// Inventory groups ⇄ nsx/groups.json (domain `cgw`). The tier-0 system groups (`connected_vpc`, …) are
// predefined in every world and not part of this file. IPv6 literals in IPAddressExpression are dropped
// (the model is IPv4); PathExpression paths to groups and segments must resolve.
import { groupPath, isIpv4, isIpv4Cidr, parseIpRange, type Group, type GroupExpression, type World } from '../../world';
import { files } from '../layout';
import { groupsSchema, type ExpressionJson } from '../schemas/groups';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson, nsxTagsJson, parentPath } from '../json-shapes';

const isIpv4Literal = (s: string): boolean => isIpv4(s) || isIpv4Cidr(s) || parseIpRange(s) !== undefined;

function toExpression(e: ExpressionJson): GroupExpression {
  switch (e.resource_type) {
    case 'IPAddressExpression':
      return { resourceType: e.resource_type, ipAddresses: e.ip_addresses.filter(isIpv4Literal) };
    case 'Condition':
      return {
        resourceType: e.resource_type,
        memberType: e.member_type,
        key: e.key,
        operator: e.operator,
        value: e.value,
        ...(e.scope_operator !== undefined ? { scopeOperator: e.scope_operator } : {}),
      };
    case 'PathExpression':
      return { resourceType: e.resource_type, paths: [...e.paths] };
    case 'ExternalIDExpression':
      return { resourceType: e.resource_type, memberType: e.member_type, externalIds: [...e.external_ids] };
    case 'MACAddressExpression':
      return { resourceType: e.resource_type, macAddresses: [...e.mac_addresses] };
    case 'ConjunctionOperator':
      return { resourceType: e.resource_type, conjunctionOperator: e.conjunction_operator };
    case 'NestedExpression':
      return { resourceType: e.resource_type, expressions: e.expressions.map(toExpression) };
  }
}

function checkPaths(src: SnapshotSource, world: World, expression: readonly GroupExpression[], at: string): void {
  expression.forEach((e, k) => {
    if (e.resourceType === 'NestedExpression') checkPaths(src, world, e.expressions, `${at}[${k}].expressions`);
    if (e.resourceType !== 'PathExpression') return;
    e.paths.forEach((p, m) => {
      const field = `${at}[${k}].paths[${m}]`;
      if (/\/groups\/[^/]+$/.test(p) && !world.nsx.groups.has(p)) src.dangling(files.groups, field, p, files.groups, 'a system group');
      if (/\/segments\/[^/]+$/.test(p) && ![...world.nsx.segments.values()].some((s) => s.path === p)) src.dangling(files.groups, field, p, files.segments);
    });
  });
}

export function readGroups(src: SnapshotSource, world: World): void {
  const json = src.read(files.groups, groupsSchema);
  const read: { group: Group; at: string }[] = [];
  json.results.forEach((g, i) => {
    const path = g.path ?? groupPath('cgw', g.id);
    if (world.nsx.groups.get(path)?.systemOwned) return;
    if (read.some((r) => r.group.path === path)) src.duplicate(files.groups, `results[${i}].path`, path);
    const group: Group = {
      id: g.id,
      domain: /^\/infra\/domains\/([^/]+)\/groups\//.exec(path)?.[1] ?? 'cgw',
      displayName: g.display_name ?? g.id,
      path,
      ...(g.description !== undefined ? { description: g.description } : {}),
      expression: g.expression.map(toExpression),
      revision: g._revision,
      tags: g.tags.map((t) => ({ scope: t.scope, tag: t.tag })),
      systemOwned: false,
    };
    world.nsx.groups.set(path, group);
    read.push({ group, at: `results[${i}].expression` });
  });
  // Second pass: a PathExpression may name any group of the file.
  for (const { group, at } of read) checkPaths(src, world, group.expression, at);
}

/** A group expression in the NSX Policy API's JSON (the mock's NSX answers use it too). */
export function expressionJson(e: GroupExpression): Record<string, unknown> {
  switch (e.resourceType) {
    case 'IPAddressExpression':
      return { ip_addresses: [...e.ipAddresses], resource_type: e.resourceType };
    case 'Condition':
      return { member_type: e.memberType, key: e.key, operator: e.operator, value: e.value, scope_operator: e.scopeOperator, resource_type: e.resourceType };
    case 'PathExpression':
      return { paths: [...e.paths], resource_type: e.resourceType };
    case 'ExternalIDExpression':
      return { member_type: e.memberType, external_ids: [...e.externalIds], resource_type: e.resourceType };
    case 'MACAddressExpression':
      return { mac_addresses: [...e.macAddresses], resource_type: e.resourceType };
    case 'ConjunctionOperator':
      return { conjunction_operator: e.conjunctionOperator, resource_type: e.resourceType };
    case 'NestedExpression':
      return { expressions: e.expressions.map(expressionJson), resource_type: e.resourceType };
  }
}

export function renderGroups(world: World): unknown {
  return nsxListJson(
    [...world.nsx.groups.values()]
      .filter((g) => !g.systemOwned && g.domain === 'cgw')
      .map((g) => ({
        expression: g.expression.map(expressionJson),
        resource_type: 'Group',
        id: g.id,
        display_name: g.displayName,
        description: g.description,
        tags: nsxTagsJson(g.tags),
        path: g.path,
        relative_path: g.id,
        parent_path: parentPath(g.path),
        _revision: g.revision,
      })),
  );
}
