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
import { isAnyValue, sideHolds, type GroupMembership, type Member } from './group-membership';
import { ruleProfileCovers, ruleServiceCovers } from './nsx-service-match';
import { and, isUnknown, or, type Tri, type Unknown } from './tri';

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
  uncertain: readonly { rule: DfwRule; reasons: readonly Unknown[] }[];
}

interface Candidate {
  rule: DfwRule;
  policy: DfwPolicy;
  applies: Tri;
  /** The Applied-To groups, or null when the rule applies at every VM. */
  scope: readonly string[] | null;
  /** A side's answer when it does not depend on the member (`ANY` among its values), else null. */
  source: boolean | null;
  destination: boolean | null;
}

export interface DfwMatcher {
  decide(src: DfwSide, dst: DfwSide, vm: DfwSide): DfwDecision;
}

/** The usual answer: no rule before the decider may match (one array for every flow, never changed). */
const noneUncertain: DfwDecision['uncertain'] = [];

export const dfwRuleAllows = (r: DfwRule | null): boolean => r === null || r.action === 'ALLOW';

const isAny = (values: readonly string[]): boolean => values.length === 0 || values.some(isAnyValue);

/** Applied-To: the rule's own scope unless ANY, else the policy's; null when that is ANY (every VM). */
function appliedTo(rule: DfwRule, policy: DfwPolicy): readonly string[] | null {
  const scope = isAny(rule.scope) ? policy.scope : rule.scope;
  return isAny(scope) ? null : scope;
}

/** A side holding `ANY` holds for every member (false when negated); other sides depend on the member. */
const constantSide = (values: readonly string[], excluded: boolean): boolean | null => (values.some(isAnyValue) ? !excluded : null);

function scopeCovers(membership: GroupMembership, scope: readonly string[] | null, vm: DfwSide): Tri {
  if (scope === null) return true;
  let hit: Tri = false;
  for (const g of scope) {
    hit = or(hit, membership.isMember(g, vm.member, vm.key));
    if (hit === true) break;
  }
  return hit;
}

export function compileDfwMatcher(world: World, membership: GroupMembership, direction: DfwDirection, packet: Packet): DfwMatcher {
  const candidates: Candidate[] = [];
  for (const policy of listDfwPolicies(world)) {
    if (policy.category === 'Ethernet') continue;
    for (const rule of listDfwRules(policy)) {
      if (rule.disabled || rule.ipProtocol === 'IPV6' || !(rule.direction === 'IN_OUT' || rule.direction === direction)) continue;
      const applies = and(ruleServiceCovers(world, rule, packet), ruleProfileCovers(rule));
      if (applies === false) continue;
      candidates.push({
        rule,
        policy,
        applies,
        scope: appliedTo(rule, policy),
        source: constantSide(rule.sourceGroups, rule.sourcesExcluded),
        destination: constantSide(rule.destinationGroups, rule.destinationsExcluded),
      });
    }
  }
  // The return path asks again for the request's decision (which policy decided, is it stateful): the
  // last answer is kept (endpoints are the index's own objects, so identity compares them).
  let lastSrc: DfwSide | undefined;
  let lastDst: DfwSide | undefined;
  let lastVm: DfwSide | undefined;
  let last: DfwDecision | undefined;
  return {
    decide(src, dst, vm) {
      if (last && lastSrc === src && lastDst === dst && lastVm === vm) return last;
      last = decide(src, dst, vm);
      lastSrc = src;
      lastDst = dst;
      lastVm = vm;
      return last;
    },
  };

  function decide(src: DfwSide, dst: DfwSide, vm: DfwSide): DfwDecision {
    let maybes: { rule: DfwRule; reasons: readonly Unknown[] }[] | undefined;
    let jumped = false;
    for (const c of candidates) {
      if (jumped && c.policy.category !== 'Application') continue;
      // A false part makes the whole false: the parts after it are not asked (their answers are cached
      // and pure, so skipping them changes nothing).
      const scoped = and(c.applies, scopeCovers(membership, c.scope, vm));
      if (scoped === false) continue;
      const s = c.source ?? sideHolds(membership, c.rule.sourceGroups, c.rule.sourcesExcluded, src.member, src.key);
      if (s === false) continue;
      const d = c.destination ?? sideHolds(membership, c.rule.destinationGroups, c.rule.destinationsExcluded, dst.member, dst.key);
      const t = and(scoped, and(s, d));
      if (t === false) continue;
      if (isUnknown(t)) {
        (maybes ??= []).push({ rule: c.rule, reasons: t });
        continue;
      }
      if (c.rule.action === 'JUMP_TO_APPLICATION') {
        jumped = true;
        continue;
      }
      const allows = dfwRuleAllows(c.rule);
      return {
        rule: c.rule,
        policy: c.policy,
        uncertain: maybes
          ? maybes.filter((m) => m.rule.action === 'JUMP_TO_APPLICATION' || dfwRuleAllows(m.rule) !== allows)
          : noneUncertain,
      };
    }
    return {
      rule: null,
      policy: null,
      uncertain: maybes ? maybes.filter((m) => m.rule.action === 'JUMP_TO_APPLICATION' || !dfwRuleAllows(m.rule)) : noneUncertain,
    };
  }
}

export const describeDfwRule = (r: DfwRule, p: DfwPolicy): string =>
  `${p.displayName} [${p.category}, seq ${p.sequenceNumber}${p.stateful ? '' : ', stateless'}] / ${r.displayName} (seq ${r.sequenceNumber}): ${r.sourcesExcluded ? 'NOT ' : ''}[${r.sourceGroups.join(', ')}] → ${r.destinationsExcluded ? 'NOT ' : ''}[${r.destinationGroups.join(', ')}] services [${[...r.services, ...(r.serviceEntries ?? []).map((e) => e.resourceType)].join(', ')}] applied to [${(isAny(r.scope) ? p.scope : r.scope).join(', ')}] ${r.direction} ${r.action}`;
