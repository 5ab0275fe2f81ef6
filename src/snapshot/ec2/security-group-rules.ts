// Security group rule ids ⇄ aws/describe-security-group-rules.json (optional). describe-security-groups
// has no rule ids: with this file the rules get their real ids, tags and order; without it they get
// deterministic `sgr-` ids from the world's seeded generator. The writer always writes it.
import { newRuleId, normalizeProtocol, permissionPorts, type SecurityGroupRule, type World } from '../../world';
import { grantKey, securityGroupRuleJson, securityGroupRuleShape } from '../../shapes/ec2';
import { files, howToProduce } from '../layout';
import { securityGroupRulesSchema } from '../schemas/security-group-rules';
import type { SnapshotSource } from '../snapshot-source';
import { SnapshotError } from '../snapshot-error';

/** A rule read from describe-security-groups, with the field it came from (for messages). */
export interface ExpandedRule {
  field: string;
  rule: Omit<SecurityGroupRule, 'securityGroupRuleId'>;
}

/** EC2 prints ICMPv6 as `icmpv6`; the model keeps protocols other than tcp/udp/icmp by number. */
export const protocolNumberOf = (p: string): string => (p.toLowerCase() === 'icmpv6' ? '58' : p);

const disagree = (): string =>
  `The two files disagree: export both at the same time (${howToProduce(files.securityGroups)}; ${howToProduce(files.securityGroupRules)}), or delete ${files.securityGroupRules} to get generated rule ids.`;

export function assignRuleIds(src: SnapshotSource, world: World, expanded: readonly ExpandedRule[]): void {
  const json = src.readOptional(files.securityGroupRules, securityGroupRulesSchema);
  const push = (rule: SecurityGroupRule): void => void world.ec2.securityGroups.get(rule.groupId)!.rules.push(rule);
  if (!json) {
    for (const e of expanded) push({ ...e.rule, securityGroupRuleId: newRuleId(world) });
    return;
  }
  const file = files.securityGroupRules;
  const seen = new Set<string>();
  const entries = json.SecurityGroupRules.flatMap((r, k) => {
    const at = `SecurityGroupRules[${k}]`;
    if (seen.has(r.SecurityGroupRuleId)) src.duplicate(file, `${at}.SecurityGroupRuleId`, r.SecurityGroupRuleId);
    seen.add(r.SecurityGroupRuleId);
    if (!world.ec2.securityGroups.has(r.GroupId)) src.dangling(file, `${at}.GroupId`, r.GroupId, files.securityGroups);
    if (r.CidrIpv4 === undefined && r.CidrIpv6 === undefined && r.ReferencedGroupInfo === undefined && r.PrefixListId === undefined)
      return [];
    let ipProtocol: string;
    let ports: { fromPort: number; toPort: number };
    try {
      ipProtocol = normalizeProtocol(protocolNumberOf(r.IpProtocol));
      ports = permissionPorts(ipProtocol, r.FromPort, r.ToPort);
    } catch {
      src.invalid(
        file,
        `${at}.IpProtocol`,
        r.IpProtocol,
        `with FromPort ${r.FromPort} and ToPort ${r.ToPort} is not a valid protocol and port range`,
      );
    }
    const grant = {
      groupId: r.GroupId,
      isEgress: r.IsEgress,
      ipProtocol,
      ...ports,
      ...(r.CidrIpv4 !== undefined ? { cidrIpv4: r.CidrIpv4 } : {}),
      ...(r.CidrIpv6 !== undefined ? { cidrIpv6: r.CidrIpv6 } : {}),
      ...(r.ReferencedGroupInfo !== undefined ? { referencedGroupId: r.ReferencedGroupInfo.GroupId } : {}),
      ...(r.PrefixListId !== undefined ? { prefixListId: r.PrefixListId } : {}),
    };
    return [{ k, at, json: r, key: grantKey(grant), used: false }];
  });
  // The file's entries by grant, in file order: each rule takes the first unused one (a lookup, not a
  // scan: a large export has thousands of rules).
  const byKey = new Map<string, (typeof entries)[number][]>();
  for (const x of entries) {
    const same = byKey.get(x.key);
    if (same) same.push(x);
    else byKey.set(x.key, [x]);
  }
  const placed: { order: number; rule: SecurityGroupRule }[] = [];
  for (const e of expanded) {
    const match = byKey.get(grantKey(e.rule))?.find((x) => !x.used);
    if (!match) {
      throw new SnapshotError(
        files.securityGroups,
        e.field,
        `${files.securityGroups}: ${e.field}: this rule has no entry in ${file}. ${disagree()}`,
      );
    }
    match.used = true;
    placed.push({
      order: match.k,
      rule: {
        ...e.rule,
        securityGroupRuleId: match.json.SecurityGroupRuleId,
        groupOwnerId: match.json.GroupOwnerId ?? e.rule.groupOwnerId,
        tags: match.json.Tags.map((t) => ({ key: t.Key, value: t.Value })),
      },
    });
  }
  const extra = entries.find((x) => !x.used);
  if (extra) {
    throw new SnapshotError(
      file,
      extra.at,
      `${file}: ${extra.at}: rule ${extra.json.SecurityGroupRuleId} of ${extra.json.GroupId} is not in ${files.securityGroups}. ${disagree()}`,
    );
  }
  for (const p of placed.sort((a, b) => a.order - b.order)) push(p.rule);
}

export function renderSecurityGroupRules(world: World): unknown {
  return {
    SecurityGroupRules: [...world.ec2.securityGroups.values()].flatMap((sg) =>
      sg.rules.map((r) => securityGroupRuleJson(securityGroupRuleShape(world, r))),
    ),
  };
}
