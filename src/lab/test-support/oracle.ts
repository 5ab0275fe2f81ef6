// The differential oracle's machinery (test code only): a configuration (the engine property tests' space,
// plus guest firewalls, a CGW rule with excluded destinations, a VM outside its segment, and DFW
// policies of every category with stateless ones and a changed default rule), its world,
// its flows judged by the engine and by real packets in a lab, and a greedy minimizer that shrinks a
// disagreeing configuration while the disagreement stays. ICMP configurations are judged by real pings.
// TCP/UDP configurations (`ports`) add TCP and UDP flows (destination ports, fixed source ports on both
// sides of the ephemeral range's edges), NACL entries for TCP and UDP with port ranges (so replies to
// the source port meet them: the ephemeral return path), a custom NSX service of L4 entries with
// destination and source ports, ranges and comma lists, CGW rules using it, predefined services or inline
// service entries, and DFW and guest firewall rules on ports; they are judged by real connects and
// datagrams against listeners on every destination (port-probe.ts).
import fc from 'fast-check';
import {
  connectedVpcGroupPath,
  createNetworkAclEntry,
  listDfwPolicies,
  listDfwRules,
  networkAclForSubnet,
  patchCgwRule,
  patchDfwPolicy,
  patchDfwRule,
  type CgwAction,
  type CgwDirection,
  type DfwAction,
  type GuestFirewall,
  type ServiceEntry,
  type World,
} from '../../world';
import { evaluate } from '../../network/evaluate';
import type { Flow } from '../../network/flow';
import type { Verdict } from '../../network/verdict';
import { build, configArb, tolerate, type Built, type Config } from '../../network/test-support/configs';
import { vpcInterface } from '../../network/test-support/topology';
import type { LabClient } from '../lab-client';
import { compilePlan } from '../compile-plan';
import { pingArgv } from '../ping';
import type { PortTarget } from '../port-probe';
import { probePorts, withListeners, type ListenerSpec } from '../port-probe-run';

const guestRuleArbOf = (protocols: readonly ('all' | 'icmp' | 'tcp' | 'udp')[], ports: readonly number[]) =>
  fc.record({
    action: fc.constantFrom<'allow' | 'drop'>('allow', 'drop'),
    protocol: fc.constantFrom(...protocols),
    sourceCidr: fc.option(fc.constantFrom('10.0.1.0/24', '10.0.2.0/24', '192.168.10.0/24', '192.168.10.10/32', '0.0.0.0/0'), {
      nil: undefined,
    }),
    port: fc.option(fc.constantFrom(...ports), { nil: undefined }),
  });

const groupPath = (id: string): string => `/infra/domains/cgw/groups/${id}`;
const dfwEndpoint = fc.constantFrom(
  'ANY',
  connectedVpcGroupPath,
  groupPath('g-vm-a'),
  groupPath('g-prod'),
  '10.0.1.0/24',
  '10.0.2.0/24',
  '192.168.10.0/24',
  '192.168.10.10',
);

/** DFW rules, each in a policy of its own (category, stateful, sequence), and the default rule's action. */
const dfwArbOf = (services: readonly string[]) =>
  fc.record({
    defaultAction: fc.constantFrom<'ALLOW' | 'DROP' | 'REJECT'>('ALLOW', 'ALLOW', 'DROP', 'REJECT'),
    rules: fc.array(
      fc.record({
        category: fc.constantFrom<'Emergency' | 'Infrastructure' | 'Environment' | 'Application'>(
          'Emergency',
          'Infrastructure',
          'Environment',
          'Application',
        ),
        stateful: fc.constantFrom(true, true, false),
        sequenceNumber: fc.integer({ min: 0, max: 20 }),
        action: fc.constantFrom<DfwAction>('ALLOW', 'ALLOW', 'DROP', 'REJECT', 'JUMP_TO_APPLICATION'),
        direction: fc.constantFrom<'IN' | 'OUT' | 'IN_OUT'>('IN', 'OUT', 'IN_OUT', 'IN_OUT'),
        source: dfwEndpoint,
        destination: dfwEndpoint,
        sourcesExcluded: fc.constantFrom(false, false, false, true),
        scope: fc.constantFrom('ANY', 'ANY', groupPath('g-vm-a'), groupPath('g-prod')),
        services: fc.constantFrom(...services),
      }),
      { maxLength: 4 },
    ),
  });

const extrasArbOf = (dfwServices: readonly string[], guestRuleArb: ReturnType<typeof guestRuleArbOf>) =>
  fc.record({
    dfw: fc.option(dfwArbOf(dfwServices), { nil: undefined }),
    guest: fc.option(
      fc.record({
        on: fc.constantFrom('near', 'far', 'vm-a', 'vm-b'),
        defaultInbound: fc.constantFrom<'allow' | 'drop'>('allow', 'drop'),
        rules: fc.array(guestRuleArb, { maxLength: 3 }),
      }),
      { nil: undefined },
    ),
    excludedDst: fc.option(
      fc.record({
        sequenceNumber: fc.integer({ min: 0, max: 100 }),
        action: fc.constantFrom<'ALLOW' | 'DROP' | 'REJECT'>('ALLOW', 'DROP', 'REJECT'),
        direction: fc.constantFrom<'IN' | 'OUT' | 'IN_OUT'>('IN', 'OUT', 'IN_OUT'),
        destination: fc.constantFrom(
          '/infra/domains/cgw/groups/g-vm-a',
          '/infra/domains/cgw/groups/g-prod',
          '10.0.1.0/24',
          '192.168.10.20',
        ),
      }),
      { nil: undefined },
    ),
    vmBOutsideSegment: fc.constantFrom(false, false, false, true),
  });

export const extrasArb = extrasArbOf(
  ['ANY', 'ANY', '/infra/services/ICMP-ALL', '/infra/services/SSH'],
  guestRuleArbOf(['all', 'icmp', 'tcp'], [443, 22]),
);

/** The custom NSX service of the TCP/UDP configurations. */
export const customServicePath = '/infra/services/oracle-custom';

const l4EntryArb = fc.record({
  protocol: fc.constantFrom<'TCP' | 'UDP'>('TCP', 'UDP'),
  destinationPorts: fc.constantFrom<string[]>([], ['443'], ['22', '53'], ['8000-8443'], ['440-450,8443'], ['53'], ['1-1024']),
  sourcePorts: fc.constantFrom<string[]>([], [], [], ['49152-65535'], ['1024-65535'], ['32768'], ['0-1023']),
});
const toEntry = (e: { protocol: 'TCP' | 'UDP'; destinationPorts: string[]; sourcePorts: string[] }, id: string): ServiceEntry => ({
  resourceType: 'L4PortSetServiceEntry',
  id,
  protocol: e.protocol,
  ...(e.destinationPorts.length > 0 ? { destinationPorts: e.destinationPorts } : {}),
  ...(e.sourcePorts.length > 0 ? { sourcePorts: e.sourcePorts } : {}),
});

/** What the TCP/UDP configurations add: their flows, ACL entries on ports, the custom service and CGW rules on ports. */
export const portsArb = fc.record({
  /** Each spec is probed between every instance and every VM, both ways. */
  flows: fc.uniqueArray(
    fc.record({
      protocol: fc.constantFrom<'tcp' | 'udp'>('tcp', 'udp'),
      port: fc.constantFrom(22, 53, 443, 445, 8443),
      sourcePort: fc.constantFrom(49152, 32768, 1023, 65535, 40000),
    }),
    { minLength: 2, maxLength: 4, selector: (f) => `${f.protocol}:${f.port}:${f.sourcePort}` },
  ),
  nacl: fc.array(
    fc.record({
      subnet: fc.constantFrom<'connected' | 'other'>('connected', 'other', 'other'),
      ruleNumber: fc.integer({ min: 1, max: 12 }),
      action: fc.constantFrom<'allow' | 'deny'>('allow', 'deny', 'deny'),
      egress: fc.boolean(),
      protocol: fc.constantFrom('6', '17'),
      ports: fc.constantFrom<[number, number]>([443, 443], [53, 53], [1024, 65535], [49152, 65535], [0, 1023], [22, 445], [32768, 60999]),
      cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/16', '10.0.2.0/24', '192.168.10.0/24', '192.168.10.20/32'),
    }),
    { maxLength: 4 },
  ),
  service: fc.array(l4EntryArb, { minLength: 1, maxLength: 3 }),
  cgw: fc.array(
    fc.record({
      sequenceNumber: fc.integer({ min: 1, max: 120 }),
      action: fc.constantFrom<CgwAction>('ALLOW', 'ALLOW', 'DROP', 'REJECT'),
      direction: fc.constantFrom<CgwDirection>('IN', 'OUT', 'IN_OUT'),
      source: fc.constantFrom('ANY', 'ANY', connectedVpcGroupPath, '/infra/domains/cgw/groups/g-vm-a', '10.0.2.0/24'),
      destination: fc.constantFrom('ANY', 'ANY', '/infra/domains/cgw/groups/g-prod', '192.168.10.10', '10.0.1.0/24'),
      services: fc.oneof(
        fc.constantFrom(
          { services: [customServicePath] },
          { services: ['/infra/services/HTTPS'] },
          { services: ['/infra/services/DNS-UDP'] },
          { services: ['/infra/services/SSH', '/infra/services/HTTPS'] },
        ),
        fc.array(l4EntryArb, { minLength: 1, maxLength: 2 }).map((entries) => ({ services: [] as string[], entries })),
      ),
    }),
    { maxLength: 3 },
  ),
});
export type Ports = typeof portsArb extends fc.Arbitrary<infer T> ? T : never;

export const portExtrasArb = extrasArbOf(
  ['ANY', 'ANY', customServicePath, '/infra/services/HTTPS', '/infra/services/DNS-UDP', '/infra/services/ICMP-ALL'],
  guestRuleArbOf(['all', 'tcp', 'udp'], [443, 22, 53, 8443]),
);

export type Extras = typeof extrasArb extends fc.Arbitrary<infer T> ? T : never;
export interface OracleConfig {
  base: Config;
  extras: Extras;
  /** Present: a TCP/UDP configuration, judged on its port flows. */
  ports?: Ports;
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

/**
 * TCP/UDP configurations, three in four friendly as above, with the main route table and the DFW's default rule allowing (so
 * that what decides is mostly the port rules: ACL entries, SG port rules, services, DFW and guest rules).
 */
export const portOracleConfigArb: fc.Arbitrary<OracleConfig> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ base: configArb(), extras: portExtrasArb, ports: portsArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      base: configArb().map((c): Config => ({ ...friendly(c), otherTable: 'main', mainOverride: 'none' })),
      extras: portExtrasArb.map((e) => ({
        ...e,
        vmBOutsideSegment: false,
        ...(e.dfw ? { dfw: { ...e.dfw, defaultAction: 'ALLOW' as const } } : {}),
      })),
      ports: portsArb,
    }),
  },
);

function applyPorts(built: Built, ports: Ports): Flow[] {
  const { t } = built;
  const w = t.world;
  for (const e of ports.nacl) {
    const acl = networkAclForSubnet(w, (e.subnet === 'connected' ? t.connectedSubnet : t.otherSubnet).subnetId);
    if (!acl) continue;
    tolerate(() =>
      createNetworkAclEntry(w, acl.networkAclId, {
        ruleNumber: e.ruleNumber,
        protocol: e.protocol,
        ruleAction: e.action,
        egress: e.egress,
        cidrBlock: e.cidr,
        portRange: { from: e.ports[0], to: e.ports[1] },
      }),
    );
  }
  w.nsx.services.set(customServicePath, {
    id: 'oracle-custom',
    path: customServicePath,
    displayName: 'oracle custom',
    entries: ports.service.map((e, i) => toEntry(e, `e${i}`)),
  });
  ports.cgw.forEach((r, i) => {
    const entries = 'entries' in r.services ? r.services.entries.map((e, k) => toEntry(e, `r${i}e${k}`)) : [];
    patchCgwRule(w, `port-rule-${i}`, {
      sequenceNumber: r.sequenceNumber,
      action: r.action,
      direction: r.direction,
      scope: [vpcInterface],
      sourceGroups: [r.source],
      destinationGroups: [r.destination],
      services: [...r.services.services],
      ...(entries.length > 0 ? { serviceEntries: entries } : {}),
    });
  });
  w.touch();
  const flows: Flow[] = [];
  for (const inst of ['near', 'far']) {
    for (const vm of ['vm-a', 'vm-b']) {
      for (const f of ports.flows) {
        const o = { vm, protocol: f.protocol, port: f.port };
        flows.push({ ...t.toVm(inst, o), sourcePort: f.sourcePort }, { ...t.fromVm(inst, o), sourcePort: f.sourcePort });
      }
    }
  }
  return flows;
}

/** The world of a configuration and its flows (each instance ↔ each VM, both directions): ICMP, or its TCP/UDP flows. */
export function oracleWorld(c: OracleConfig): { world: World; flows: Flow[]; built: Built } {
  const built = build(c.base);
  const portFlows = c.ports ? applyPorts(built, c.ports) : undefined;
  const { t } = built;
  const w = t.world;
  const { guest, excludedDst, vmBOutsideSegment, dfw } = c.extras;
  if (dfw) {
    patchDfwRule(w, 'default-layer3-section', 'default-layer3-rule', { action: dfw.defaultAction });
    dfw.rules.forEach((r, i) => {
      const action = r.action === 'JUMP_TO_APPLICATION' && r.category !== 'Environment' ? 'DROP' : r.action;
      patchDfwPolicy(w, `dfw-${i}`, {
        category: r.category,
        stateful: r.stateful,
        sequenceNumber: r.sequenceNumber,
        rules: [
          {
            id: 'r',
            action,
            direction: r.direction,
            sourceGroups: [r.source],
            destinationGroups: [r.destination],
            sourcesExcluded: r.sourcesExcluded,
            scope: [r.scope],
            services: [r.services],
          },
        ],
      });
    });
  }
  if (guest) {
    const fw: GuestFirewall = {
      defaultInbound: guest.defaultInbound,
      rules: guest.rules.map((r) => ({
        action: r.action,
        protocol: r.protocol,
        ...(r.sourceCidr ? { sourceCidr: r.sourceCidr } : {}),
        ...(r.port ? { port: r.port } : {}),
      })),
    };
    if (guest.on === 'near' || guest.on === 'far')
      t.instances[guest.on]!.guestFirewall = fw; // a guest firewall is declared, as guest-firewalls.json does
    else t.vms[guest.on]!.guestFirewall = fw;
    w.touch();
  }
  if (excludedDst) {
    patchCgwRule(w, 'excluded-dst', {
      ...excludedDst,
      scope: [vpcInterface],
      sourceGroups: ['ANY'],
      destinationGroups: [excludedDst.destination],
      destinationsExcluded: true,
      services: ['ANY'],
    });
  }
  if (vmBOutsideSegment) {
    t.vms['vm-b']!.ipAddresses = ['192.168.20.20']; // VMware Tools reports an address outside every segment
    w.touch();
  }
  return { world: w, flows: portFlows ?? built.flows.filter((f) => (f.protocol ?? 'icmp') === 'icmp'), built };
}

export interface FlowOutcome {
  flow: Flow;
  engine: Verdict;
  /** `result`: a TCP/UDP probe's answer (open, refused, unreachable, filtered). */
  lab: { reachable: boolean; exitCode: number | null; stdout: string; stderr: string; result?: string };
  /** The engine blocks the request at a REJECT rule (CGW, DFW, or the DFW's default rule set to REJECT). */
  rejected?: boolean;
}

/** Whether the engine's verdict blocks the request at a rule whose action is REJECT. */
export function rejectedByEngine(world: World, v: Verdict): boolean {
  const b = v.blockedBy;
  if (!b || b.direction !== 'forward') return false;
  if (b.code === 'CGW_RULE_REJECT' || b.code === 'DFW_RULE_REJECT') return true;
  if (b.code !== 'DFW_DEFAULT_DROP') return false;
  const id = v.hops[b.hopIndex]?.matched?.id;
  return listDfwPolicies(world).some((p) => listDfwRules(p).some((r) => r.path === id && r.action === 'REJECT'));
}

const destinationIp = (world: World, f: Flow): string =>
  f.destination.kind === 'instance'
    ? world.ec2.instances.get(f.destination.instanceId)!.privateIpAddress
    : world.nsx.vms.get(f.destination.externalId)!.ipAddresses[0]!;
const sourceNode = (f: Flow): string => (f.source.kind === 'instance' ? f.source.instanceId : f.source.externalId);

/** Probes one flow in the lab (the world must be applied). */
export async function probeFlow(lab: LabClient, world: World, flow: Flow, waitSeconds: number): Promise<FlowOutcome['lab']> {
  const r = await lab.exec(sourceNode(flow), pingArgv(destinationIp(world, flow), { waitSeconds }), (waitSeconds + 5) * 1000);
  return { reachable: r.exitCode === 0, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

const nodeOf = (r: Flow['source']): string => (r.kind === 'instance' ? r.instanceId : r.externalId);

/** Port flows: listeners on every destination for every port probed, then each source's probes at once. */
async function judgePorts(
  lab: LabClient,
  world: World,
  flows: readonly Flow[],
  waitSeconds: number,
  confirmSeconds: number,
): Promise<FlowOutcome[]> {
  const listeners = new Map<string, ListenerSpec>();
  for (const f of flows) {
    const spec = listeners.get(nodeOf(f.destination)) ?? { tcp: [], udp: [] };
    spec[f.protocol as 'tcp' | 'udp'].push(f.port!);
    listeners.set(nodeOf(f.destination), spec);
  }
  const target = (f: Flow): PortTarget => ({
    protocol: f.protocol as 'tcp' | 'udp',
    ip: destinationIp(world, f),
    port: f.port!,
    sourcePort: f.sourcePort!,
  });
  const probe = async (batch: readonly Flow[], wait: number): Promise<FlowOutcome['lab'][]> => {
    const bySource = new Map<string, number[]>();
    batch.forEach((f, i) => bySource.set(nodeOf(f.source), [...(bySource.get(nodeOf(f.source)) ?? []), i]));
    const out: FlowOutcome['lab'][] = [];
    await Promise.all(
      [...bySource].map(async ([node, idx]) => {
        const results = await probePorts(
          lab,
          node,
          idx.map((i) => target(batch[i]!)),
          wait,
        );
        results.forEach(
          (r, k) =>
            void (out[idx[k]!] = {
              reachable: r.result === 'open',
              result: r.result,
              exitCode: r.errno,
              stdout: `${r.result} after ${r.ms} ms from port ${r.sourcePort}`,
              stderr: '',
            }),
        );
      }),
    );
    return out;
  };
  const { result } = await withListeners(lab, listeners, confirmSeconds + waitSeconds + 30, async () => {
    const labs = await probe(flows, waitSeconds);
    const outcomes = flows.map((flow, i) => {
      const engine = evaluate(world, flow);
      return { flow, engine, lab: labs[i]!, rejected: rejectedByEngine(world, engine) };
    });
    const doubtful = confirmSeconds > waitSeconds ? outcomes.filter((o) => o.engine.reachable && !o.lab.reachable) : [];
    if (doubtful.length > 0)
      (
        await probe(
          doubtful.map((o) => o.flow),
          confirmSeconds,
        )
      ).forEach((l, i) => void (doubtful[i]!.lab = l));
    return outcomes;
  });
  return result;
}

/**
 * Applies the world to the lab and judges every flow both ways. A flow the lab calls blocked while the
 * engine says reachable is probed once more with a long wait, so a slow machine cannot fake a drop.
 */
export async function judge(
  lab: LabClient,
  world: World,
  flows: readonly Flow[],
  waitSeconds: number,
  confirmSeconds = 3,
): Promise<FlowOutcome[]> {
  await lab.apply(compilePlan(world));
  const ports = flows.filter((f) => f.protocol === 'tcp' || f.protocol === 'udp');
  if (ports.length > 0) return judgePorts(lab, world, ports, waitSeconds, confirmSeconds);
  const outcomes = await Promise.all(
    flows.map(async (flow) => ({ flow, engine: evaluate(world, flow), lab: await probeFlow(lab, world, flow, waitSeconds) })),
  );
  if (confirmSeconds > waitSeconds)
    for (const o of outcomes) if (o.engine.reachable && !o.lab.reachable) o.lab = await probeFlow(lab, world, o.flow, confirmSeconds);
  return outcomes;
}

/**
 * The engine and the lab disagree: on reachability, or on a TCP RST the engine cannot explain (a connect
 * refused although a listener waits behind every probed port: only a REJECT rule answers with a RST;
 * the converse is not checked, since a REJECT's RST may itself be dropped on its way back).
 */
export const disagrees = (o: FlowOutcome): boolean =>
  o.engine.reachable !== o.lab.reachable || (o.flow.protocol === 'tcp' && o.lab.result === 'refused' && o.rejected === false);

/** Simpler neighbours of a configuration: one array element dropped, or one knob back to its plain value. */
function* simplerConfigs(c: OracleConfig): Generator<OracleConfig> {
  const b = c.base;
  const base = (patch: Partial<Config>): OracleConfig => ({ ...c, base: { ...b, ...patch } });
  for (let i = 0; i < b.sgRules.length; i++) yield base({ sgRules: b.sgRules.filter((_, j) => j !== i) });
  for (let i = 0; i < b.cgwRules.length; i++) yield base({ cgwRules: b.cgwRules.filter((_, j) => j !== i) });
  for (const key of ['naclConnected', 'naclOther'] as const) {
    const acl = b[key];
    if (!acl) continue;
    yield base({ [key]: undefined });
    for (let i = 0; i < acl.entries.length; i++) yield base({ [key]: { ...acl, entries: acl.entries.filter((_, j) => j !== i) } });
    if (acl.openAt !== undefined) yield base({ [key]: { ...acl, openAt: undefined } });
  }
  const plain: Partial<Config> = {
    revokeDefaultIngress: false,
    revokeDefaultEgress: false,
    revokeAppEgress: false,
    openApp: false,
    articleFix: false,
    baseCgw: true,
    segmentOn: true,
    otherTable: 'main',
    mainOverride: 'none',
    failover: false,
    vmOff: false,
    farStopped: false,
  };
  for (const [k, v] of Object.entries(plain))
    if ((b as unknown as Record<string, unknown>)[k] !== v) yield base({ [k]: v } as Partial<Config>);
  const e = c.extras;
  if (e.guest) {
    yield { ...c, extras: { ...e, guest: undefined } };
    for (let i = 0; i < e.guest.rules.length; i++)
      yield { ...c, extras: { ...e, guest: { ...e.guest, rules: e.guest.rules.filter((_, j) => j !== i) } } };
  }
  if (e.excludedDst) yield { ...c, extras: { ...e, excludedDst: undefined } };
  if (e.dfw) {
    yield { ...c, extras: { ...e, dfw: undefined } };
    for (let i = 0; i < e.dfw.rules.length; i++)
      yield { ...c, extras: { ...e, dfw: { ...e.dfw, rules: e.dfw.rules.filter((_, j) => j !== i) } } };
    if (e.dfw.defaultAction !== 'ALLOW') yield { ...c, extras: { ...e, dfw: { ...e.dfw, defaultAction: 'ALLOW' } } };
  }
  if (e.vmBOutsideSegment) yield { ...c, extras: { ...e, vmBOutsideSegment: false } };
  const p = c.ports;
  if (p) {
    const ports = (patch: Partial<Ports>): OracleConfig => ({ ...c, ports: { ...p, ...patch } });
    for (let i = 0; i < p.nacl.length; i++) yield ports({ nacl: p.nacl.filter((_, j) => j !== i) });
    for (let i = 0; i < p.cgw.length; i++) yield ports({ cgw: p.cgw.filter((_, j) => j !== i) });
    for (let i = 0; i < p.service.length && p.service.length > 1; i++) yield ports({ service: p.service.filter((_, j) => j !== i) });
  }
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
