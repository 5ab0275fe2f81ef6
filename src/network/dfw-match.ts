// The NSX distributed firewall at one VM's vNIC, for one direction (IN: into the VM, OUT: out of it) and
// one packet. Rules apply when enabled, IPv4, of that direction, covering the packet's service, and
// when their Applied-To (the rule's `scope`, else the policy's; `ANY` covers every VM) holds the VM.
// Evaluation order: categories Emergency → Infrastructure → Environment → Application, policies by
// `sequence_number`, rules by `sequence_number`, first match decides; JUMP_TO_APPLICATION skips to the
// Application category. No match at all: NSX's built-in default allows. Unknown membership, services or
// profiles: a rule that may match before the decider and would decide otherwise makes the hop uncertain.
import type { DfwPolicy, DfwRule, World } from '../world';
import { listDfwPolicies, listDfwRules } from '../world';
import type { Packet } from './flow';
import { ipLiteralHolds, isAnyValue, type GroupMembership, type Member } from './group-membership';
import { ruleProfileCovers, ruleServiceCovers } from './nsx-service-match';
import { and, isUnknown, not, some, type Tri, type Unknown } from './tri';

export type DfwDirection = 'IN' | 'OUT';

/** One side of the flow as the DFW sees it: the member and its membership cache key. */
export interface DfwSide {
  member: Member;
  key: string;
}

export interface DfwDecision {
  /** The deciding rule and its policy, or null when none matches (NSX's built-in default allows). */
  rule: DfwRule | null;
  policy: DfwPolicy | null;
  uncertain: { rule: DfwRule; reasons: readonly Unknown[] }[];
}

interface Candidate {
  rule: DfwRule;
  policy: DfwPolicy;
  applies: Tri;
}

export interface DfwMatcher {
  decide(src: DfwSide, dst: DfwSide, vm: DfwSide): DfwDecision;
}

export const dfwRuleAllows = (r: DfwRule | null): boolean => r === null || r.action === 'ALLOW';

const isAny = (values: readonly string[]): boolean => values.length === 0 || values.some(isAnyValue);

function sideMatches(membership: GroupMembership, values: readonly string[], excluded: boolean, s: DfwSide): Tri {
  const hit = some(values, (v) => isAnyValue(v) || (v.startsWith('/') ? membership.isMember(v, s.member, s.key) : ipLiteralHolds(v, s.member.ip)));
  return excluded ? not(hit) : hit;
}

/** Applied-To: the rule's own scope unless ANY, else the policy's. */
function scopeCovers(membership: GroupMembership, rule: DfwRule, policy: DfwPolicy, vm: DfwSide): Tri {
  const scope = isAny(rule.scope) ? policy.scope : rule.scope;
  if (isAny(scope)) return true;
  return some(scope, (g) => membership.isMember(g, vm.member, vm.key));
}

export function compileDfwMatcher(world: World, membership: GroupMembership, direction: DfwDirection, packet: Packet): DfwMatcher {
  const candidates: Candidate[] = [];
  for (const policy of listDfwPolicies(world)) {
    if (policy.category === 'Ethernet') continue;
    for (const rule of listDfwRules(policy)) {
      if (rule.disabled || rule.ipProtocol === 'IPV6' || !(rule.direction === 'IN_OUT' || rule.direction === direction)) continue;
      const applies = and(ruleServiceCovers(world, rule, packet), ruleProfileCovers(rule));
      if (applies !== false) candidates.push({ rule, policy, applies });
    }
  }
  return {
    decide(src, dst, vm) {
      const maybes: { rule: DfwRule; reasons: readonly Unknown[] }[] = [];
      let jumped = false;
      for (const c of candidates) {
        if (jumped && c.policy.category !== 'Application') continue;
        const t = and(and(c.applies, scopeCovers(membership, c.rule, c.policy, vm)), and(sideMatches(membership, c.rule.sourceGroups, c.rule.sourcesExcluded, src), sideMatches(membership, c.rule.destinationGroups, c.rule.destinationsExcluded, dst)));
        if (t === false) continue;
        if (isUnknown(t)) {
          maybes.push({ rule: c.rule, reasons: t });
          continue;
        }
        if (c.rule.action === 'JUMP_TO_APPLICATION') {
          jumped = true;
          continue;
        }
        const allows = dfwRuleAllows(c.rule);
        return { rule: c.rule, policy: c.policy, uncertain: maybes.filter((m) => m.rule.action === 'JUMP_TO_APPLICATION' || dfwRuleAllows(m.rule) !== allows) };
      }
      return { rule: null, policy: null, uncertain: maybes.filter((m) => m.rule.action === 'JUMP_TO_APPLICATION' || !dfwRuleAllows(m.rule)) };
    },
  };
}

export const describeDfwRule = (r: DfwRule, p: DfwPolicy): string =>
  `${p.displayName} [${p.category}, seq ${p.sequenceNumber}${p.stateful ? '' : ', stateless'}] / ${r.displayName} (seq ${r.sequenceNumber}): ${r.sourcesExcluded ? 'NOT ' : ''}[${r.sourceGroups.join(', ')}] → ${r.destinationsExcluded ? 'NOT ' : ''}[${r.destinationGroups.join(', ')}] services [${[...r.services, ...(r.serviceEntries ?? []).map((e) => e.resourceType)].join(', ')}] applied to [${(isAny(r.scope) ? p.scope : r.scope).join(', ')}] ${r.direction} ${r.action}`;
