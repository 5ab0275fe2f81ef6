// The differential oracle's machinery (test code only): a configuration (the engine property tests' space,
// plus guest firewalls, a CGW rule with excluded destinations, a VM outside its segment, and DFW
// policies of every category with stateless ones and a changed default rule), its world,
// its ICMP flows judged by the engine and by real pings in a lab, and a greedy minimizer that shrinks a
// disagreeing configuration while the disagreement stays.
import fc from 'fast-check';
import { connectedVpcGroupPath, patchCgwRule, patchDfwPolicy, patchDfwRule, type DfwAction, type GuestFirewall, type World } from '../world';
import { evaluate } from '../network/evaluate';
import type { Flow } from '../network/flow';
import type { Verdict } from '../network/verdict';
import { build, configArb, type Built, type Config } from '../network/test-configs';
import { vpcInterface } from '../network/test-topology';
import type { LabClient } from './lab-client';
import { compilePlan } from './compile-plan';
import { pingArgv } from './ping';

const guestRuleArb = fc.record({
  action: fc.constantFrom<'allow' | 'drop'>('allow', 'drop'),
  protocol: fc.constantFrom<'all' | 'icmp' | 'tcp'>('all', 'icmp', 'tcp'),
  sourceCidr: fc.option(fc.constantFrom('10.0.1.0/24', '10.0.2.0/24', '192.168.10.0/24', '192.168.10.10/32', '0.0.0.0/0'), { nil: undefined }),
  port: fc.option(fc.constantFrom(443, 22), { nil: undefined }),
});

const groupPath = (id: string): string => `/infra/domains/cgw/groups/${id}`;
const dfwEndpoint = fc.constantFrom('ANY', connectedVpcGroupPath, groupPath('g-vm-a'), groupPath('g-prod'), '10.0.1.0/24', '10.0.2.0/24', '192.168.10.0/24', '192.168.10.10');

/** DFW rules, each in a policy of its own (category, stateful, sequence), and the default rule's action. */
const dfwArb = fc.record({
  defaultAction: fc.constantFrom<'ALLOW' | 'DROP' | 'REJECT'>('ALLOW', 'ALLOW', 'DROP', 'REJECT'),
  rules: fc.array(fc.record({
    category: fc.constantFrom<'Emergency' | 'Infrastructure' | 'Environment' | 'Application'>('Emergency', 'Infrastructure', 'Environment', 'Application'),
    stateful: fc.constantFrom(true, true, false),
    sequenceNumber: fc.integer({ min: 0, max: 20 }),
    action: fc.constantFrom<DfwAction>('ALLOW', 'ALLOW', 'DROP', 'REJECT', 'JUMP_TO_APPLICATION'),
    direction: fc.constantFrom<'IN' | 'OUT' | 'IN_OUT'>('IN', 'OUT', 'IN_OUT', 'IN_OUT'),
    source: dfwEndpoint,
    destination: dfwEndpoint,
    sourcesExcluded: fc.constantFrom(false, false, false, true),
    scope: fc.constantFrom('ANY', 'ANY', groupPath('g-vm-a'), groupPath('g-prod')),
    services: fc.constantFrom('ANY', 'ANY', '/infra/services/ICMP-ALL', '/infra/services/SSH'),
  }), { maxLength: 4 }),
});

export const extrasArb = fc.record({
  dfw: fc.option(dfwArb, { nil: undefined }),
  guest: fc.option(fc.record({ on: fc.constantFrom('near', 'far', 'vm-a', 'vm-b'), defaultInbound: fc.constantFrom<'allow' | 'drop'>('allow', 'drop'), rules: fc.array(guestRuleArb, { maxLength: 3 }) }), { nil: undefined }),
  excludedDst: fc.option(fc.record({
    sequenceNumber: fc.integer({ min: 0, max: 100 }),
    action: fc.constantFrom<'ALLOW' | 'DROP' | 'REJECT'>('ALLOW', 'DROP', 'REJECT'),
    direction: fc.constantFrom<'IN' | 'OUT' | 'IN_OUT'>('IN', 'OUT', 'IN_OUT'),
    destination: fc.constantFrom('/infra/domains/cgw/groups/g-vm-a', '/infra/domains/cgw/groups/g-prod', '10.0.1.0/24', '192.168.10.20'),
  }), { nil: undefined }),
  vmBOutsideSegment: fc.constantFrom(false, false, false, true),
});

export type Extras = typeof extrasArb extends fc.Arbitrary<infer T> ? T : never;
export interface OracleConfig {
  base: Config;
  extras: Extras;
}

/**
 * Half the configurations are "friendly": the ACLs end in an allow-all (their first entries still decide
 * first), the article's fix and an open `app` group, the base CGW rules, every endpoint up, no failover
 * and no revoked default rules; SG rules, ACL entries, CGW rules and route tables stay random. Without
 * them nine flows in ten are blocked and the oracle would say little about what passes.
 */
const friendly = (c: Config): Config => ({
  ...c,
  naclConnected: c.naclConnected && { ...c.naclConnected, openAt: c.naclConnected.openAt ?? 100 },
  naclOther: c.naclOther && { ...c.naclOther, openAt: c.naclOther.openAt ?? 100 },
  articleFix: true,
  openApp: true,
  baseCgw: true,
  revokeDefaultIngress: false,
  revokeDefaultEgress: false,
  revokeAppEgress: false,
  segmentOn: true,
  failover: false,
  vmOff: false,
  farStopped: false,
});

export const oracleConfigArb: fc.Arbitrary<OracleConfig> = fc.oneof(
  fc.record({ base: configArb(), extras: extrasArb }),
  fc.record({ base: configArb().map(friendly), extras: extrasArb.map((e) => ({ ...e, vmBOutsideSegment: false })) }),
);

/** The world of a configuration and its ICMP flows (each instance ↔ each VM, both directions). */
export function oracleWorld(c: OracleConfig): { world: World; flows: Flow[]; built: Built } {
  const built = build(c.base);
  const { t } = built;
  const w = t.world;
  const { guest, excludedDst, vmBOutsideSegment, dfw } = c.extras;
  if (dfw) {
    patchDfwRule(w, 'default-layer3-section', 'default-layer3-rule', { action: dfw.defaultAction });
    dfw.rules.forEach((r, i) => {
      const action = r.action === 'JUMP_TO_APPLICATION' && r.category !== 'Environment' ? 'DROP' : r.action;
      patchDfwPolicy(w, `dfw-${i}`, { category: r.category, stateful: r.stateful, sequenceNumber: r.sequenceNumber, rules: [{ id: 'r', action, direction: r.direction, sourceGroups: [r.source], destinationGroups: [r.destination], sourcesExcluded: r.sourcesExcluded, scope: [r.scope], services: [r.services] }] });
    });
  }
  if (guest) {
    const fw: GuestFirewall = { defaultInbound: guest.defaultInbound, rules: guest.rules.map((r) => ({ action: r.action, protocol: r.protocol, ...(r.sourceCidr ? { sourceCidr: r.sourceCidr } : {}), ...(r.port ? { port: r.port } : {}) })) };
    if (guest.on === 'near' || guest.on === 'far') t.instances[guest.on]!.guestFirewall = fw; // a guest firewall is declared, as guest-firewalls.json does
    else t.vms[guest.on]!.guestFirewall = fw;
    w.touch();
  }
  if (excludedDst) {
    patchCgwRule(w, 'excluded-dst', { ...excludedDst, scope: [vpcInterface], sourceGroups: ['ANY'], destinationGroups: [excludedDst.destination], destinationsExcluded: true, services: ['ANY'] });
  }
  if (vmBOutsideSegment) {
    t.vms['vm-b']!.ipAddresses = ['192.168.20.20']; // VMware Tools reports an address outside every segment
    w.touch();
  }
  return { world: w, flows: built.flows.filter((f) => (f.protocol ?? 'icmp') === 'icmp'), built };
}

export interface FlowOutcome {
  flow: Flow;
  engine: Verdict;
  lab: { reachable: boolean; exitCode: number | null; stdout: string; stderr: string };
}

const destinationIp = (world: World, f: Flow): string =>
  f.destination.kind === 'instance' ? world.ec2.instances.get(f.destination.instanceId)!.privateIpAddress : world.nsx.vms.get(f.destination.externalId)!.ipAddresses[0]!;
const sourceNode = (f: Flow): string => (f.source.kind === 'instance' ? f.source.instanceId : f.source.externalId);

/** Probes one flow in the lab (the world must be applied). */
export async function probeFlow(lab: LabClient, world: World, flow: Flow, waitSeconds: number): Promise<FlowOutcome['lab']> {
  const r = await lab.exec(sourceNode(flow), pingArgv(destinationIp(world, flow), { waitSeconds }), (waitSeconds + 5) * 1000);
  return { reachable: r.exitCode === 0, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Applies the world to the lab and judges every flow both ways. A flow the lab calls blocked while the
 * engine says reachable is probed once more with a long wait, so a slow machine cannot fake a drop.
 */
export async function judge(lab: LabClient, world: World, flows: readonly Flow[], waitSeconds: number, confirmSeconds = 3): Promise<FlowOutcome[]> {
  await lab.apply(compilePlan(world));
  const outcomes = await Promise.all(flows.map(async (flow) => ({ flow, engine: evaluate(world, flow), lab: await probeFlow(lab, world, flow, waitSeconds) })));
  if (confirmSeconds > waitSeconds) for (const o of outcomes) if (o.engine.reachable && !o.lab.reachable) o.lab = await probeFlow(lab, world, o.flow, confirmSeconds);
  return outcomes;
}

export const disagrees = (o: FlowOutcome): boolean => o.engine.reachable !== o.lab.reachable;

/** Simpler neighbours of a configuration: one array element dropped, or one knob back to its plain value. */
function* simplerConfigs(c: OracleConfig): Generator<OracleConfig> {
  const b = c.base;
  const base = (patch: Partial<Config>): OracleConfig => ({ base: { ...b, ...patch }, extras: c.extras });
  for (let i = 0; i < b.sgRules.length; i++) yield base({ sgRules: b.sgRules.filter((_, j) => j !== i) });
  for (let i = 0; i < b.cgwRules.length; i++) yield base({ cgwRules: b.cgwRules.filter((_, j) => j !== i) });
  for (const key of ['naclConnected', 'naclOther'] as const) {
    const acl = b[key];
    if (!acl) continue;
    yield base({ [key]: undefined });
    for (let i = 0; i < acl.entries.length; i++) yield base({ [key]: { ...acl, entries: acl.entries.filter((_, j) => j !== i) } });
    if (acl.openAt !== undefined) yield base({ [key]: { ...acl, openAt: undefined } });
  }
  const plain: Partial<Config> = { revokeDefaultIngress: false, revokeDefaultEgress: false, revokeAppEgress: false, openApp: false, articleFix: false, baseCgw: true, segmentOn: true, otherTable: 'main', mainOverride: 'none', failover: false, vmOff: false, farStopped: false };
  for (const [k, v] of Object.entries(plain)) if ((b as unknown as Record<string, unknown>)[k] !== v) yield base({ [k]: v } as Partial<Config>);
  const e = c.extras;
  if (e.guest) {
    yield { base: b, extras: { ...e, guest: undefined } };
    for (let i = 0; i < e.guest.rules.length; i++) yield { base: b, extras: { ...e, guest: { ...e.guest, rules: e.guest.rules.filter((_, j) => j !== i) } } };
  }
  if (e.excludedDst) yield { base: b, extras: { ...e, excludedDst: undefined } };
  if (e.dfw) {
    yield { base: b, extras: { ...e, dfw: undefined } };
    for (let i = 0; i < e.dfw.rules.length; i++) yield { base: b, extras: { ...e, dfw: { ...e.dfw, rules: e.dfw.rules.filter((_, j) => j !== i) } } };
    if (e.dfw.defaultAction !== 'ALLOW') yield { base: b, extras: { ...e, dfw: { ...e.dfw, defaultAction: 'ALLOW' } } };
  }
  if (e.vmBOutsideSegment) yield { base: b, extras: { ...e, vmBOutsideSegment: false } };
}

const flowKey = (f: Flow): string => JSON.stringify(f);

/** Shrinks `c` greedily while `flow` still disagrees; returns the smallest configuration found. */
export async function minimize(lab: LabClient, c: OracleConfig, flow: Flow, waitSeconds: number): Promise<OracleConfig> {
  let current = c;
  for (let progress = true; progress;) {
    progress = false;
    for (const candidate of simplerConfigs(current)) {
      const { world, flows } = oracleWorld(candidate);
      const same = flows.find((f) => flowKey(f) === flowKey(flow));
      if (!same) continue;
      const [o] = await judge(lab, world, [same], waitSeconds, 0); // the minimal one is confirmed by the caller
      if (o && disagrees(o)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}
