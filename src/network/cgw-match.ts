// The compute gateway firewall compiled for one direction on the VPC interface and one packet: the
// rules that apply (scope covers the VPC interface, direction, enabled, IPv4, service), in evaluation
// order. Each endpoint gets two bit sets per side: rules it definitely matches and rules it may match
// (membership unknown). The first rule that definitely matches decides; rules before it that may match
// are "uncertain". An uncertain rule whose outcome (allow or block) equals the decision's changes
// nothing and is dropped: only uncertain rules that would decide otherwise make the hop indeterminate.
// That keeps a full matrix fast with hundreds of rules.
import type { CgwRule, World } from '../world';
import { listCgwRules } from '../world';
import type { Packet } from './flow';
import { GroupMembership, sideHolds, type Member } from './group-membership';
import { ruleProfileCovers, ruleServiceCovers } from './nsx-service-match';
import { and, type Unknown } from './tri';

/** Applied-To labels that cover the connected VPC's interface. */
export const vpcInterfaceScopes = new Set(['/infra/labels/cgw-cross-vpc', '/infra/labels/cgw-all', 'ANY']);

export type CgwDirection = 'IN' | 'OUT';

export interface CgwDecision {
  /** The deciding rule, or null when none definitely matches (the default uplink drop). */
  rule: CgwRule | null;
  /** Rules before it that may match and would decide otherwise, with why they may. */
  uncertain: readonly { rule: CgwRule; reasons: readonly Unknown[] }[];
}

/** The usual answer: no rule before the decider may match (one array for every flow, never changed). */
const noneUncertain: CgwDecision['uncertain'] = [];

export interface CgwMatcher {
  readonly rules: readonly CgwRule[];
  decide(src: Member, srcKey: string, dst: Member, dstKey: string): CgwDecision;
}

/** ALLOW rules allow; DROP, REJECT and the default rule block. */
export const ruleAllows = (r: CgwRule | null): boolean => r !== null && r.action === 'ALLOW' && !r.isDefault;

interface SideBits {
  yes: Uint32Array;
  maybe: Uint32Array;
  reasons: Map<number, readonly Unknown[]>;
}

export function compileCgwMatcher(world: World, membership: GroupMembership, direction: CgwDirection, packet: Packet): CgwMatcher {
  const rules: CgwRule[] = [];
  /** Rule index → why the rule itself (service, profile) may or may not apply. */
  const ruleReasons = new Map<number, readonly Unknown[]>();
  for (const r of listCgwRules(world)) {
    if (
      r.disabled ||
      r.ipProtocol === 'IPV6' ||
      !(r.direction === 'IN_OUT' || r.direction === direction) ||
      !r.scope.some((s) => vpcInterfaceScopes.has(s))
    )
      continue;
    const applies = and(ruleServiceCovers(world, r, packet), ruleProfileCovers(r));
    if (applies === false) continue;
    if (applies !== true) ruleReasons.set(rules.length, applies);
    rules.push(r);
  }
  const words = Math.ceil(rules.length / 32) || 1;
  const srcBits = new Map<string, SideBits>();
  const dstBits = new Map<string, SideBits>();
  // Rules naming the same groups on a side share one membership question per endpoint (hundreds of rules
  // over a hundred groups ask far fewer distinct ones).
  const specsOf = (side: 'src' | 'dst'): { values: readonly string[]; excluded: boolean; rules: number[] }[] => {
    const specs = new Map<string, { values: readonly string[]; excluded: boolean; rules: number[] }>();
    rules.forEach((r, i) => {
      const [values, excluded] = side === 'src' ? [r.sourceGroups, r.sourcesExcluded] : [r.destinationGroups, r.destinationsExcluded];
      const key = `${excluded}\n${values.join('\n')}`;
      const spec = specs.get(key);
      if (spec) spec.rules.push(i);
      else specs.set(key, { values, excluded, rules: [i] });
    });
    return [...specs.values()];
  };
  const sides = { src: specsOf('src'), dst: specsOf('dst') };
  const bitsFor = (cache: Map<string, SideBits>, side: 'src' | 'dst', m: Member, key: string): SideBits => {
    let bits = cache.get(key);
    if (bits) return bits;
    bits = { yes: new Uint32Array(words), maybe: new Uint32Array(words), reasons: new Map() };
    for (const spec of sides[side]) {
      const t = sideHolds(membership, spec.values, spec.excluded, m, key);
      if (t === false) continue;
      for (const i of spec.rules) {
        if (t === true) bits.yes[i >>> 5]! |= 1 << (i & 31);
        else {
          bits.maybe[i >>> 5]! |= 1 << (i & 31);
          bits.reasons.set(i, t);
        }
      }
    }
    cache.set(key, bits);
    return bits;
  };
  return {
    rules,
    decide(src, srcKey, dst, dstKey) {
      const a = bitsFor(srcBits, 'src', src, srcKey);
      const b = bitsFor(dstBits, 'dst', dst, dstKey);
      let maybes: number[] | undefined;
      let decider: CgwRule | null = null;
      outer: for (let w = 0; w < words; w++) {
        let candidates = (a.yes[w]! | a.maybe[w]!) & (b.yes[w]! | b.maybe[w]!);
        while (candidates !== 0) {
          const bit = 31 - Math.clz32(candidates & -candidates);
          candidates &= candidates - 1;
          const i = (w << 5) + bit;
          const definite = (a.yes[w]! & b.yes[w]! & (1 << bit)) !== 0 && !ruleReasons.has(i);
          if (definite) {
            decider = rules[i]!;
            break outer;
          }
          (maybes ??= []).push(i);
        }
      }
      if (!maybes) return { rule: decider, uncertain: noneUncertain };
      const allows = ruleAllows(decider);
      const uncertain = maybes
        .filter((i) => ruleAllows(rules[i]!) !== allows)
        .map((i) => ({
          rule: rules[i]!,
          reasons: [...(a.reasons.get(i) ?? []), ...(b.reasons.get(i) ?? []), ...(ruleReasons.get(i) ?? [])],
        }));
      return { rule: decider, uncertain };
    },
  };
}

export const describeCgwRule = (r: CgwRule): string =>
  `${r.displayName} (seq ${r.sequenceNumber}): ${r.sourcesExcluded ? 'NOT ' : ''}[${r.sourceGroups.join(', ')}] → ${r.destinationsExcluded ? 'NOT ' : ''}[${r.destinationGroups.join(', ')}] services [${[...r.services, ...(r.serviceEntries ?? []).map((e) => e.resourceType)].join(', ')}]${r.profiles ? ` profiles [${r.profiles.join(', ')}]` : ''} ${r.direction} ${r.action}`;
