// CGW gateway firewall rules ⇄ nsx/cgw-rules.json (policy `default`, incl. the Default Uplink Rule
// with `is_default`). Sources and destinations are ANY, IP literals or group paths that must resolve;
// services are ANY or paths the world knows (predefined, or from nsx/services.json).
import { cgwRulePath, listCgwRules, type CgwRule, type World } from '../../world';
import { files } from '../layout';
import { cgwRulesSchema } from '../schemas/cgw-rules';
import { nsxIpLiteral } from '../schemas/common';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson, nsxTagsJson, parentPath } from '../json-shapes';

function checkEndpoints(src: SnapshotSource, world: World, values: readonly string[], at: string): void {
  values.forEach((v, k) => {
    if (v.toUpperCase() === 'ANY' || nsxIpLiteral.safeParse(v).success) return;
    if (!world.nsx.groups.has(v)) src.dangling(files.cgwRules, `${at}[${k}]`, v, files.groups, 'a system group');
  });
}

export function readCgwRules(src: SnapshotSource, world: World): void {
  const file = files.cgwRules;
  const json = src.read(file, cgwRulesSchema);
  let nextRuleId = Math.max(1000, ...json.results.map((r) => r.rule_id ?? 0));
  json.results.forEach((r, i) => {
    const at = `results[${i}]`;
    if (world.nsx.cgwRules.has(r.id)) src.duplicate(file, `${at}.id`, r.id);
    checkEndpoints(src, world, r.source_groups, `${at}.source_groups`);
    checkEndpoints(src, world, r.destination_groups, `${at}.destination_groups`);
    r.services.forEach((s, k) => {
      if (s.toUpperCase() !== 'ANY' && !world.nsx.services.has(s)) {
        src.dangling(file, `${at}.services[${k}]`, s, files.services, 'a predefined service the model knows');
      }
    });
    const rule: CgwRule = {
      id: r.id,
      displayName: r.display_name ?? r.id,
      path: r.path ?? cgwRulePath(r.id),
      sequenceNumber: r.sequence_number,
      sourceGroups: [...r.source_groups],
      destinationGroups: [...r.destination_groups],
      sourcesExcluded: r.sources_excluded,
      destinationsExcluded: r.destinations_excluded,
      services: [...r.services],
      scope: [...r.scope],
      action: r.action,
      direction: r.direction,
      ipProtocol: r.ip_protocol,
      disabled: r.disabled,
      logged: r.logged,
      isDefault: r.is_default,
      ruleId: r.rule_id ?? ++nextRuleId,
      revision: r._revision,
      tags: r.tags.map((t) => ({ scope: t.scope, tag: t.tag })),
    };
    world.nsx.cgwRules.set(rule.id, rule);
  });
}

/** In evaluation order (ascending sequence number), as the UI and public tooling show them. */
export function renderCgwRules(world: World): unknown {
  return nsxListJson(
    listCgwRules(world).map((r) => ({
      action: r.action,
      resource_type: 'Rule',
      id: r.id,
      display_name: r.displayName,
      path: r.path,
      relative_path: r.id,
      parent_path: parentPath(r.path),
      sequence_number: r.sequenceNumber,
      sources_excluded: r.sourcesExcluded,
      destinations_excluded: r.destinationsExcluded,
      source_groups: [...r.sourceGroups],
      destination_groups: [...r.destinationGroups],
      services: [...r.services],
      scope: [...r.scope],
      direction: r.direction,
      ip_protocol: r.ipProtocol,
      disabled: r.disabled,
      logged: r.logged,
      is_default: r.isDefault,
      rule_id: r.ruleId,
      tags: nsxTagsJson(r.tags),
      _revision: r.revision,
    })),
  );
}
