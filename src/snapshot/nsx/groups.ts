// Inventory groups ⇄ nsx/groups.json (domain `cgw`), through the NSX shapes (src/shapes/nsx/groups.ts).
// The tier-0 system groups (`connected_vpc`, …) are predefined in every world and not part of this file.
// Every expression type loads: one the model cannot evaluate (IdentityGroupExpression, a type it does not
// know, a non-empty extended_expression) and a PathExpression to a group or segment not in the data load
// with a warning, and the flows that depend on them are indeterminate.
import { listGroups, type Group, type GroupExpression, type World } from '../../world';
import { files } from '../layout';
import { groupFromJson, groupJson, groupsJsonSchema } from '../../shapes/nsx';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

export { expressionJson } from '../../shapes/nsx';

function checkPaths(src: SnapshotSource, world: World, expression: readonly GroupExpression[], at: string): void {
  expression.forEach((e, k) => {
    if (e.resourceType === 'NestedExpression') checkPaths(src, world, e.expressions, `${at}[${k}].expressions`);
    if (e.resourceType !== 'PathExpression') return;
    e.paths.forEach((p, m) => {
      const field = `${at}[${k}].paths[${m}]`;
      if (/\/groups\/[^/]+$/.test(p) && !world.nsx.groups.has(p))
        src.warn(files.groups, field, `group ${p} is not in ${files.groups} (nor a system group): membership through it is unknown`);
      if (/\/segments\/[^/]+$/.test(p) && ![...world.nsx.segments.values()].some((s) => s.path === p))
        src.warn(files.groups, field, `segment ${p} is not in ${files.segments}: no VM of the data sits on it`);
    });
  });
}

export function readGroups(src: SnapshotSource, world: World): void {
  const json = src.read(files.groups, groupsJsonSchema);
  const read: { group: Group; at: string }[] = [];
  json.results.forEach((g, i) => {
    const group = groupFromJson(g, (m) => src.warn(files.groups, `results[${i}]`, m));
    if (world.nsx.groups.get(group.path)?.systemOwned) return;
    if (read.some((r) => r.group.path === group.path)) src.duplicate(files.groups, `results[${i}].path`, group.path);
    world.nsx.groups.set(group.path, group);
    read.push({ group, at: `results[${i}].expression` });
  });
  // Second pass: a PathExpression may name any group of the file.
  for (const { group, at } of read) checkPaths(src, world, group.expression, at);
}

export function renderGroups(world: World): unknown {
  return nsxListJson(
    listGroups(world, 'cgw')
      .filter((g) => !g.systemOwned)
      .map(groupJson),
  );
}
