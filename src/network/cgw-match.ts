// The compute gateway firewall compiled for one direction on the VPC interface and one packet: the
// rules that apply (scope covers the VPC interface, direction, enabled, service), in evaluation order.
// Each endpoint gets a bit set of the rules whose source (or destination) side it matches; the first
// rule whose two bits are set decides. That keeps a full matrix fast with hundreds of rules.
import type { CgwRule, World } from '../world';
import { listCgwRules } from '../world';
import type { Packet } from './flow';
import { serviceEntryCovers } from './packet-match';
import { GroupMembership, ipLiteralHolds, type Member } from './group-membership';

/** Applied-To labels that cover the connected VPC's interface. */
export const vpcInterfaceScopes = new Set(['/infra/labels/cgw-cross-vpc', '/infra/labels/cgw-all', 'ANY']);

export type CgwDirection = 'IN' | 'OUT';

export interface CgwMatcher {
  readonly rules: readonly CgwRule[];
  /** The deciding rule, or null when none matches (the default uplink drop). */
  decide(src: Member, srcKey: string, dst: Member, dstKey: string): CgwRule | null;
}

function serviceCovers(world: World, rule: CgwRule, packet: Packet): boolean {
  if (rule.services.some((s) => s.toUpperCase() === 'ANY')) return true;
  return rule.services.some((path) => (world.nsx.services.get(path)?.entries ?? []).some((e) => serviceEntryCovers(e, packet)));
}

function sideMatches(membership: GroupMembership, values: readonly string[], excluded: boolean, m: Member, key: string): boolean {
  const hit = values.some((v) => v.toUpperCase() === 'ANY' || (v.startsWith('/') ? membership.isMember(v, m, key) : ipLiteralHolds(v, m.ip)));
  return excluded ? !hit : hit;
}

export function compileCgwMatcher(world: World, membership: GroupMembership, direction: CgwDirection, packet: Packet): CgwMatcher {
  const rules = listCgwRules(world).filter(
    (r) =>
      !r.disabled &&
      r.ipProtocol !== 'IPV6' &&
      (r.direction === 'IN_OUT' || r.direction === direction) &&
      r.scope.some((s) => vpcInterfaceScopes.has(s)) &&
      serviceCovers(world, r, packet),
  );
  const words = Math.ceil(rules.length / 32) || 1;
  const srcBits = new Map<string, Uint32Array>();
  const dstBits = new Map<string, Uint32Array>();
  const bitsFor = (cache: Map<string, Uint32Array>, side: 'src' | 'dst', m: Member, key: string): Uint32Array => {
    let bits = cache.get(key);
    if (bits) return bits;
    bits = new Uint32Array(words);
    rules.forEach((r, i) => {
      const ok = side === 'src'
        ? sideMatches(membership, r.sourceGroups, r.sourcesExcluded, m, key)
        : sideMatches(membership, r.destinationGroups, r.destinationsExcluded, m, key);
      if (ok) bits![i >>> 5]! |= 1 << (i & 31);
    });
    cache.set(key, bits);
    return bits;
  };
  return {
    rules,
    decide(src, srcKey, dst, dstKey) {
      const a = bitsFor(srcBits, 'src', src, srcKey);
      const b = bitsFor(dstBits, 'dst', dst, dstKey);
      for (let w = 0; w < words; w++) {
        const both = a[w]! & b[w]!;
        if (both !== 0) return rules[(w << 5) + (31 - Math.clz32(both & -both))]!;
      }
      return null;
    },
  };
}

export const describeCgwRule = (r: CgwRule): string =>
  `${r.displayName} (seq ${r.sequenceNumber}): ${r.sourcesExcluded ? 'NOT ' : ''}[${r.sourceGroups.join(', ')}] → ${r.destinationsExcluded ? 'NOT ' : ''}[${r.destinationGroups.join(', ')}] services [${r.services.join(', ')}] ${r.direction} ${r.action}`;
