// Property tests (fast-check, fixed seed): random configurations over the base topology (extra SG rules
// by CIDR, reference and prefix list; revoked default rules; custom NACLs; CGW rules of every kind;
// segment connectivity; route table choice and failover; endpoint states), checked against invariants
// that hold whatever the configuration: monotonicity of allow rules, a leading CGW allow-all, removal of
// DROP rules, determinism and purity, the verdict's internal consistency, and fixes that make progress.
// 200 runs each under `npm run test:full`, the first 50 of them in `npm test` (same seed).
import fc from 'fast-check';
import { deleteCgwRule, patchCgwRule } from '../world';
import type { Flow } from './flow';
import { evaluate } from './evaluate';
import type { ReasonCode } from './reason-codes';
import type { ResourceType, Verdict } from './verdict';
import { applyFix, fixIsApplicable } from './test-support/apply-fix';
import { vpcInterface } from './test-support/topology';
import { runCount } from '../world/test-support/run-counts';
import { addCgwRule, addSgRule, build, cgwRuleArb, configArb, sgRuleArb, type Built } from './test-support/configs';

const runs = { seed: 42, numRuns: runCount(200, 50) };

const verdicts = (b: Built): Verdict[] => b.flows.map((f) => evaluate(b.t.world, f));
const label = (f: Flow): string => JSON.stringify(f);

/** Each flow that was reachable before must still be reachable after. */
function expectStillReachable(flows: Flow[], before: Verdict[], after: Verdict[]): void {
  const lost = flows
    .filter((_, i) => before[i]!.reachable && !after[i]!.reachable)
    .map((f, i) => `${label(f)}: ${after[i]!.blockedBy?.code}`);
  expect(lost).toEqual([]);
}

// ---- the properties ----------------------------------------------------------------------------

describe('engine properties over random configurations', () => {
  test('(a) adding a security group allow rule never makes a reachable flow unreachable', () => {
    fc.assert(
      fc.property(configArb(), sgRuleArb, (c, extra) => {
        const b = build(c);
        const before = verdicts(b);
        addSgRule(b.t, extra, {
          sddc: [...b.t.world.ec2.prefixLists.values()].find((p) => p.prefixListName === 'sddc')!.prefixListId,
          vpc: [...b.t.world.ec2.prefixLists.values()].find((p) => p.prefixListName === 'vpc')!.prefixListId,
        });
        expectStillReachable(b.flows, before, verdicts(b));
      }),
      runs,
    );
  });

  test('(b) a CGW ALLOW ANY/ANY IN_OUT on cgw-cross-vpc ordered before all rules lets both directions pass the CGW', () => {
    fc.assert(
      fc.property(configArb(1), (c) => {
        const b = build(c);
        patchCgwRule(b.t.world, 'allow-all-first', { sequenceNumber: 0, scope: [vpcInterface], direction: 'IN_OUT', action: 'ALLOW' });
        const stopped = verdicts(b).flatMap((v, i) =>
          v.hops.filter((h) => h.kind === 'cgw' && h.outcome !== 'allow').map((h) => `${label(b.flows[i]!)}: ${h.code}`),
        );
        expect(stopped).toEqual([]);
      }),
      runs,
    );
  });

  test('(c) removing a DROP rule from the CGW never makes a reachable flow unreachable', () => {
    fc.assert(
      fc.property(configArb(), cgwRuleArb(1), fc.nat(), (c, drop, pick) => {
        const b = build(c);
        addCgwRule(b.t, 'extra-drop', { ...drop, action: 'DROP' });
        const drops = [...b.t.world.nsx.cgwRules.values()].filter((r) => r.action === 'DROP');
        const before = verdicts(b);
        deleteCgwRule(b.t.world, drops[pick % drops.length]!.id);
        expectStillReachable(b.flows, before, verdicts(b));
      }),
      runs,
    );
  });

  test('(d) evaluate is deterministic and pure: equal verdicts on repeated calls and in reverse order on a fresh index; the revision does not move', () => {
    fc.assert(
      fc.property(configArb(), (c) => {
        const b = build(c);
        const revision = b.t.world.revision;
        const first = JSON.stringify(verdicts(b));
        const second = JSON.stringify(verdicts(b));
        expect(b.t.world.revision).toBe(revision);
        expect(second).toBe(first);
        b.t.world.touch(); // a new revision: the next evaluation compiles a new index, this time in reverse flow order
        const reversed = [...b.flows]
          .reverse()
          .map((f) => evaluate(b.t.world, f))
          .reverse();
        expect(JSON.stringify(reversed)).toBe(first);
      }),
      runs,
    );
  });

  /** What is wrong with a verdict's internal consistency (nothing, for a sound one). */
  function inconsistencies(v: Verdict): string[] {
    const out: string[] = [];
    if (v.reachable !== (v.blockedBy === null)) out.push(`reachable ${v.reachable} with blockedBy ${v.blockedBy?.code}`);
    const last = v.hops.length - 1;
    const before = v.blockedBy ? v.hops.slice(0, last) : v.hops;
    for (const h of before)
      if (h.outcome !== 'allow' || h.code !== undefined) out.push(`hop ${h.kind} (${h.path}) is ${h.outcome} before the end`);
    if (v.blockedBy) {
      const hop = v.hops[last];
      if (v.blockedBy.hopIndex !== last) out.push(`hopIndex ${v.blockedBy.hopIndex} is not the last hop ${last}`);
      if (
        !hop ||
        hop.outcome !== 'block' ||
        hop.code !== v.blockedBy.code ||
        hop.path !== v.blockedBy.direction ||
        JSON.stringify(hop.resource) !== JSON.stringify(v.blockedBy.resource)
      ) {
        out.push(`the last hop does not restate the block ${v.blockedBy.code}`);
      }
    }
    const firstReturn = v.hops.findIndex((h) => h.path === 'return');
    if (firstReturn >= 0 && v.hops.slice(firstReturn).some((h) => h.path !== 'return')) out.push('a forward hop after a return hop');
    return out;
  }

  test('(e) reachable iff no block; the block is the last hop and names itself; every hop before it is allowed; forward hops come first', () => {
    fc.assert(
      fc.property(configArb(), (c) => {
        const b = build(c);
        expect(verdicts(b).flatMap(inconsistencies)).toEqual([]);
      }),
      runs,
    );
  });

  const resourceTypesOf: Record<ReasonCode, ResourceType[]> = {
    NO_ROUTE: ['route-table', 'linked-vpc', 'vm'],
    ROUTE_TO_INACTIVE_ENI: ['route-table'],
    SG_EGRESS_NO_MATCH: ['security-group'],
    SG_INGRESS_NO_MATCH: ['security-group'],
    ENI_SG_INGRESS_NO_MATCH: ['security-group'],
    ENI_SG_EGRESS_NO_MATCH: ['security-group'],
    NACL_OUTBOUND_DENY: ['network-acl'],
    NACL_INBOUND_DENY: ['network-acl'],
    CGW_RULE_DROP: ['cgw-rule'],
    CGW_RULE_REJECT: ['cgw-rule'],
    CGW_DEFAULT_DROP: ['cgw-gateway-policy', 'cgw-rule'],
    DFW_RULE_DROP: ['dfw-rule'],
    DFW_RULE_REJECT: ['dfw-rule'],
    DFW_DEFAULT_DROP: ['dfw-rule'],
    SEGMENT_DISCONNECTED: ['segment', 'route-table'],
    VM_POWERED_OFF: ['vm'],
    INSTANCE_NOT_RUNNING: ['instance'],
    GUEST_FIREWALL_DROP: ['guest-os'],
  };

  test('(f) a block names a resource of the type its reason code is about', () => {
    fc.assert(
      fc.property(configArb(), (c) => {
        const b = build(c);
        const mismatched = verdicts(b)
          .map((v) => v.blockedBy)
          .filter((blk) => blk !== null && !resourceTypesOf[blk.code].includes(blk.resource.type))
          .map((blk) => `${blk!.code} on ${blk!.resource.type}`);
        expect(mismatched).toEqual([]);
      }),
      runs,
    );
  });

  test('(g) applying the suggested fix of a block moves the flow on: reachable, or blocked at a later hop', () => {
    fc.assert(
      fc.property(configArb(1), (c) => {
        const first = build(c);
        const before = verdicts(first);
        const tried = new Set<string>();
        let unused: Built | undefined = first;
        const stuck: unknown[] = [];
        first.flows.forEach((f, i) => {
          const v = before[i]!;
          if (!v.blockedBy || !fixIsApplicable(v.blockedBy.fix)) return;
          // One fix per kind of block and flow shape; each applied to a world of its own.
          const kind = `${v.blockedBy.code} ${v.blockedBy.hopIndex} ${f.source.kind} ${f.protocol ?? 'icmp'}`;
          if (tried.has(kind)) return;
          tried.add(kind);
          const b = unused ?? build(c);
          unused = undefined;
          applyFix(b.t.world, v.blockedBy.fix);
          const after = evaluate(b.t.world, f);
          if (!after.reachable && after.blockedBy!.hopIndex <= v.blockedBy.hopIndex)
            stuck.push({ flow: label(f), before: v.blockedBy.code, fix: v.blockedBy.fix, after: after.blockedBy!.code });
        });
        expect(stuck).toEqual([]);
      }),
      runs,
    );
  });
});
