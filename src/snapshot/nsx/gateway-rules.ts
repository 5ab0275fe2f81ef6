// CGW gateway firewall rules ⇄ nsx/cgw-rules.json (policy `default`, incl. the Default Uplink Rule with
// `is_default`), through the NSX shapes (src/shapes/nsx/rules.ts). Sources and destinations are ANY, IP
// literals or group paths; services are ANY or paths (predefined, or from nsx/services.json), plus inline
// `service_entries`; `profiles` are kept. A group or service path not in the data loads with a warning:
// the flows that depend on it are indeterminate (NSX_OBJECT_MISSING), the rest of the snapshot is judged.
import { listCgwRules, type World } from '../../world';
import { files } from '../layout';
import { ruleFromJson, ruleJson, rulesJsonSchema } from '../../shapes/nsx';
import { nsxIpLiteral } from '../schemas/common';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

function checkEndpoints(src: SnapshotSource, world: World, values: readonly string[], at: string): void {
  values.forEach((v, k) => {
    // The group lookup first: most values are group paths, and a failed schema parse is costly.
    if (world.nsx.groups.has(v) || v.toUpperCase() === 'ANY' || nsxIpLiteral.safeParse(v).success) return;
    src.warn(
      files.cgwRules,
      `${at}[${k}]`,
      `group ${v} is not in ${files.groups} (nor a system group): flows the rule could cover are indeterminate`,
    );
  });
}

export function readCgwRules(src: SnapshotSource, world: World): void {
  const file = files.cgwRules;
  const json = src.read(file, rulesJsonSchema);
  let nextRuleId = Math.max(1000, ...json.results.map((r) => r.rule_id ?? 0));
  json.results.forEach((r, i) => {
    const at = `results[${i}]`;
    if (world.nsx.cgwRules.has(r.id)) src.duplicate(file, `${at}.id`, r.id);
    checkEndpoints(src, world, r.source_groups, `${at}.source_groups`);
    checkEndpoints(src, world, r.destination_groups, `${at}.destination_groups`);
    r.services.forEach((s, k) => {
      if (s.toUpperCase() !== 'ANY' && !world.nsx.services.has(s))
        src.warn(
          file,
          `${at}.services[${k}]`,
          `service ${s} is not in ${files.services} nor a predefined service: flows the rule could cover are indeterminate`,
        );
    });
    const rule = ruleFromJson(r, r.rule_id ?? ++nextRuleId, (m) => src.warn(file, at, m));
    world.nsx.cgwRules.set(rule.id, rule);
  });
}

/** In evaluation order (ascending sequence number), as the UI and public tooling show them. */
export function renderCgwRules(world: World): unknown {
  return nsxListJson(listCgwRules(world).map(ruleJson));
}
