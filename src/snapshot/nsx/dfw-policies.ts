// NSX distributed firewall ⇄ nsx/dfw-policies.json (optional): the security policies of domain `cgw`,
// each with its rules inline (`{"results": [{...policy, "rules": [...]}]}`, as GET
// …/security-policies/{id} returns one policy; a list from GET …/security-policies plus each policy's
// rules makes the file). Read and written through src/shapes/nsx/security-policies.ts. A snapshot
// without the file leaves the world's DFW unknown (`dfwPolicies` null): every verdict then carries the
// DFW_NOT_EXPORTED assumption instead of assuming the DFW allows. Group and service paths not in the
// data load with a warning; the flows they decide are indeterminate.
import { listDfwPolicies, listDfwRules, type World } from '../../world';
import { files } from '../layout';
import { securityPoliciesFileSchema, securityPolicyFromJson, securityPolicyJson } from '../../shapes/nsx';
import { nsxIpLiteral } from '../schemas/common';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

export function readDfwPolicies(src: SnapshotSource, world: World): void {
  const file = files.dfwPolicies;
  const json = src.readOptional(file, securityPoliciesFileSchema);
  if (!json) {
    world.nsx.dfwPolicies = null;
    return;
  }
  let nextRuleId = Math.max(1000, ...json.results.flatMap((p) => p.rules.map((r) => r.rule_id ?? 0)));
  const policies = new Map<string, ReturnType<typeof securityPolicyFromJson>>();
  json.results.forEach((p, i) => {
    const at = `results[${i}]`;
    if (policies.has(p.id)) src.duplicate(file, `${at}.id`, p.id);
    const policy = securityPolicyFromJson(
      p,
      () => ++nextRuleId,
      (m) => src.warn(file, at, m),
    );
    const groupsOf = (values: readonly string[], field: string): void =>
      values.forEach((v, k) => {
        if (v.toUpperCase() === 'ANY' || nsxIpLiteral.safeParse(v).success) return;
        if (!world.nsx.groups.has(v))
          src.warn(
            file,
            `${field}[${k}]`,
            `group ${v} is not in ${files.groups} (nor a system group): flows the rule could cover are indeterminate`,
          );
      });
    groupsOf(policy.scope, `${at}.scope`);
    [...policy.rules.values()].forEach((r) => {
      const ra = `${at}.rules[${r.id}]`;
      groupsOf(r.sourceGroups, `${ra}.source_groups`);
      groupsOf(r.destinationGroups, `${ra}.destination_groups`);
      groupsOf(r.scope, `${ra}.scope`);
      r.services.forEach((s, k) => {
        if (s.toUpperCase() !== 'ANY' && !world.nsx.services.has(s))
          src.warn(
            file,
            `${ra}.services[${k}]`,
            `service ${s} is not in ${files.services} nor a predefined service: flows the rule could cover are indeterminate`,
          );
      });
    });
    policies.set(policy.id, policy);
  });
  world.nsx.dfwPolicies = policies;
}

/** In evaluation order; undefined (no file) when the world does not hold the DFW. */
export function renderDfwPolicies(world: World): unknown {
  if (world.nsx.dfwPolicies === null) return undefined;
  return nsxListJson(listDfwPolicies(world).map((p) => securityPolicyJson(p, listDfwRules(p))));
}
