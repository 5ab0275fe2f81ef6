// The scenario DSL: declare the topology (SDDC side and AWS side), then steps of probes and changes.
// It only records a ScenarioSpec; provisioning and probing happen in the runner. Reads like a runbook:
//
//   const spec = defineScenario('article', ({ sddc, aws, step, ping }) => {
//     const vm = sddc.vm('CJ-VM01');
//     const aws01 = aws.instance('CJ-AWS01', { securityGroups: [aws.defaultSecurityGroup()] });
//     step('case A', () => { ping(aws01, vm).expect('reachable'); });
//   });
import type { ReasonCode } from '../../network';
import type {
  Address,
  AddressToken,
  CgwEndpoint,
  CgwRuleSpec,
  DfwRuleSpec,
  EndpointRef,
  ChangeStep,
  Expectation,
  GroupMember,
  GroupRef,
  InstanceRef,
  ProbeKind,
  ScenarioSpec,
  SegmentRef,
  SgPeer,
  SgRef,
  SgRuleSpec,
  SubnetSpec,
  VmRef,
} from './spec';

export class ScenarioDefinitionError extends Error {
  override readonly name = 'ScenarioDefinitionError';
}

/** `allow('icmp')`, `allow('tcp', 443, { cidr: '10.0.0.0/8' })`: a rule for securityGroup()/authorize. */
export function allow(
  protocol: SgRuleSpec['protocol'] = 'all',
  port?: number,
  peer: SgPeer = { cidr: '0.0.0.0/0' },
): Omit<SgRuleSpec, 'direction'> {
  return { protocol, ...(port !== undefined ? { port } : {}), peer };
}

/** The connected VPC's primary CIDR, resolved at provision time (e.g. a rule "from the whole VPC"). */
export const vpcCidr = (): AddressToken => ({ vpc: 'cidr' });

/** A free range of the connected VPC (no existing subnet overlaps it), allocated at provision time. */
export const freeRange = (prefix = 28): AddressToken => {
  if (!Number.isInteger(prefix) || prefix < 16 || prefix > 28)
    throw new ScenarioDefinitionError(`freeRange(${prefix}): a subnet of a VPC is a /16 to a /28`);
  return { vpc: 'free-range', prefix };
};

/** A literal CIDR, or how a token reads in a plan (`a free /28 in the connected VPC`). */
export const describeAddress = (a: Address): string =>
  typeof a === 'string' ? a : a.vpc === 'cidr' ? "the connected VPC's CIDR" : `a free /${a.prefix} in the connected VPC`;

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface ScenarioApi {
  sddc: {
    segment(name: string, o: { gateway: string; connectivity?: 'ON' | 'OFF'; id?: string }): SegmentRef;
    group(name: string, ...members: (GroupMember | SegmentRef)[]): GroupRef;
    cgwRule(
      name: string,
      o: {
        sequence: number;
        from: CgwEndpoint;
        to: CgwEndpoint;
        appliedTo?: CgwRuleSpec['appliedTo'];
        direction?: CgwRuleSpec['direction'];
        action?: CgwRuleSpec['action'];
        services?: CgwRuleSpec['services'];
      },
    ): void;
    /** A DFW rule, written by the run in a security policy of its own for the category (default Application). */
    dfwRule(
      name: string,
      o: {
        sequence: number;
        from: CgwEndpoint;
        to: CgwEndpoint;
        category?: DfwRuleSpec['category'];
        appliedTo?: DfwRuleSpec['appliedTo'];
        direction?: DfwRuleSpec['direction'];
        action?: DfwRuleSpec['action'];
        services?: DfwRuleSpec['services'];
      },
    ): void;
    /** Sets the DFW's default layer-3 rule's action for the run (recorded and reverted exactly at teardown). */
    dfwDefaultRule(action: 'ALLOW' | 'DROP' | 'REJECT'): void;
    /** An existing VM, by display name (adopted, never changed). */
    vm(name: string, o?: { os?: 'linux' | 'windows' }): VmRef;
  };
  aws: {
    defaultSecurityGroup(): SgRef;
    securityGroup(name: string, o?: { ingress?: Omit<SgRuleSpec, 'direction'>[]; egress?: Omit<SgRuleSpec, 'direction'>[] }): SgRef;
    /** A subnet of the scenario; its CIDR defaults to `freeRange(28)`, allocated in the connected VPC at run time. */
    subnet(name: string, o: Omit<SubnetSpec, 'name' | 'cidr'> & { cidr?: Address }): string;
    instance(name: string, o: { securityGroups: SgRef[]; instanceProfile?: boolean; subnet?: string }): InstanceRef;
    /** A change made between probes (recorded, reverted exactly at teardown when the SG is foreign). */
    authorizeIngress(sg: SgRef, rule: Omit<SgRuleSpec, 'direction'>): void;
    revokeIngress(sg: SgRef, rule: Omit<SgRuleSpec, 'direction'>): void;
  };
  /** Connect or disconnect a segment between probes. */
  setConnectivity(segment: SegmentRef, connectivity: 'ON' | 'OFF'): void;
  step(label: string, body: () => void): void;
  /** An ICMP echo probe (ping through SSM Run Command). */
  ping(from: EndpointRef, to: EndpointRef): ProbeExpectation;
  /**
   * A TCP or UDP probe: `{ tcp: 443 }` connects (bash /dev/tcp, Test-NetConnection), `{ tcp: 443, listen: true }`
   * first starts a short-lived listener on the destination, `{ udp: 53 }` starts a one-shot UDP responder on
   * the destination and sends it a datagram. `{ icmp: true }` is ping.
   */
  probe(from: EndpointRef, to: EndpointRef, kind: ProbeOptions): ProbeExpectation;
  /** Defaults for the TCP probes declared after it (`listen`: start a listener unless a probe says otherwise). */
  probeDefaults(o: { listen?: boolean }): void;
}

export type ProbeOptions = { tcp: number; listen?: boolean } | { udp: number } | { icmp: true };

export interface ProbeExpectation {
  expect(outcome: 'reachable'): void;
  expect(outcome: 'unreachable', blockedBy: ReasonCode): void;
  /** The probe cannot run at all; the harness must say why (the message matches). */
  expectProbeError(why: RegExp): void;
}

/** How a probe kind reads in labels and reports: `ping`, `tcp/443`, `tcp/443 (listener)`, `udp/53`. */
export function describeProbe(kind: ProbeKind | undefined): string {
  if (!kind || kind.protocol === 'icmp') return 'ping';
  return kind.protocol === 'tcp' ? `tcp/${kind.port}${kind.listen ? ' (listener)' : ''}` : `udp/${kind.port}`;
}

const validPort = (p: unknown): p is number => typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 65535;

/** Reads probe options into a ProbeKind, refusing anything ambiguous with a message naming the probe. */
function probeKind(title: string, from: EndpointRef, to: EndpointRef, o: ProbeOptions, listenDefault: boolean): ProbeKind {
  const where = `scenario "${title}": probe ${from.name} → ${to.name}`;
  const keys = Object.keys(o ?? {}).filter((k) => k !== 'listen');
  if (keys.length !== 1 || !['tcp', 'udp', 'icmp'].includes(keys[0]!))
    throw new ScenarioDefinitionError(
      `${where}: give exactly one of { tcp: port }, { udp: port } or { icmp: true }, got ${JSON.stringify(o)}`,
    );
  if ('icmp' in o) return { protocol: 'icmp' };
  if ('udp' in o) {
    if ('listen' in o) throw new ScenarioDefinitionError(`${where}: a UDP probe always starts its responder; drop "listen"`);
    if (!validPort(o.udp))
      throw new ScenarioDefinitionError(`${where}: udp port ${JSON.stringify(o.udp)} is not an integer from 1 to 65535`);
    return { protocol: 'udp', port: o.udp };
  }
  if (!validPort(o.tcp)) throw new ScenarioDefinitionError(`${where}: tcp port ${JSON.stringify(o.tcp)} is not an integer from 1 to 65535`);
  if (o.listen !== undefined && typeof o.listen !== 'boolean') throw new ScenarioDefinitionError(`${where}: listen is true or false`);
  return { protocol: 'tcp', port: o.tcp, listen: o.listen ?? listenDefault };
}

export function defineScenario(title: string, body: (api: ScenarioApi) => void): ScenarioSpec {
  const spec: ScenarioSpec = {
    title,
    segments: [],
    groups: [],
    cgwRules: [],
    dfwRules: [],
    securityGroups: [],
    subnets: [],
    instances: [],
    vms: [],
    steps: [],
  };
  let stepLabel = '';
  const names = new Set<string>();
  const declare = (kind: string, name: string): void => {
    if (names.has(`${kind}:${name}`)) throw new ScenarioDefinitionError(`scenario "${title}": ${kind} "${name}" is declared twice`);
    names.add(`${kind}:${name}`);
  };
  const known = (kind: string, ref: { name: string }): void => {
    if (!names.has(`${kind}:${ref.name}`))
      throw new ScenarioDefinitionError(`scenario "${title}": ${kind} "${ref.name}" is used but not declared`);
  };
  const endpointOk = (e: CgwEndpoint): void => {
    if (typeof e === 'object' && 'kind' in e) known('group', e);
  };
  let listenDefault = false;
  const addProbe = (from: EndpointRef, to: EndpointRef, kind: ProbeKind): ProbeExpectation => {
    known(from.kind, from);
    known(to.kind, to);
    const what = kind.protocol === 'icmp' ? 'ping' : `probe ${describeProbe(kind)}`;
    if (from.kind === to.kind)
      throw new ScenarioDefinitionError(
        `scenario "${title}": ${what} ${from.name} → ${to.name}: one end must be an EC2 instance and the other an SDDC VM`,
      );
    const label = `${stepLabel ? `${stepLabel}: ` : ''}${from.name} → ${to.name}${kind.protocol === 'icmp' ? '' : ` ${describeProbe(kind)}`}`;
    const push = (expect: Expectation): void => {
      spec.steps.push({ type: 'probe', label, from, to, expect, ...(kind.protocol === 'icmp' ? {} : { probe: kind }) });
    };
    return {
      expect(outcome: 'reachable' | 'unreachable', blockedBy?: ReasonCode) {
        if (outcome !== 'reachable' && outcome !== 'unreachable')
          throw new ScenarioDefinitionError(
            `scenario "${title}": ${label}: expect('reachable') or expect('unreachable', code), got ${JSON.stringify(outcome)}`,
          );
        push(outcome === 'reachable' ? { reachable: true } : { reachable: false, ...(blockedBy ? { blockedBy } : {}) });
      },
      expectProbeError(why: RegExp) {
        push({ reachable: false, probeError: why });
      },
    } as ProbeExpectation;
  };
  const change = (label: string, c: ChangeStep): void => {
    spec.steps.push({ ...c, label: stepLabel ? `${stepLabel}: ${label}` : label });
  };

  const api: ScenarioApi = {
    sddc: {
      segment(name, o) {
        declare('segment', name);
        spec.segments.push({ name, id: o.id ?? slug(name), gateway: o.gateway, connectivity: o.connectivity ?? 'ON' });
        return { kind: 'segment', name };
      },
      group(name, ...members) {
        declare('group', name);
        const resolved: GroupMember[] = members.map((m) => ('kind' in m ? (known('segment', m), { segment: m }) : m));
        spec.groups.push({ name, id: slug(name), members: resolved });
        return { kind: 'group', name };
      },
      cgwRule(name, o) {
        declare('cgw-rule', name);
        endpointOk(o.from);
        endpointOk(o.to);
        spec.cgwRules.push({
          name,
          id: slug(name),
          sequence: o.sequence,
          from: o.from,
          to: o.to,
          services: o.services ?? 'ANY',
          appliedTo: o.appliedTo ?? 'vpc',
          direction: o.direction ?? 'IN_OUT',
          action: o.action ?? 'ALLOW',
        });
      },
      dfwRule(name, o) {
        declare('dfw-rule', name);
        endpointOk(o.from);
        endpointOk(o.to);
        if (o.appliedTo && o.appliedTo !== 'ANY') known('group', o.appliedTo);
        spec.dfwRules.push({
          name,
          id: slug(name),
          category: o.category ?? 'Application',
          sequence: o.sequence,
          from: o.from,
          to: o.to,
          services: o.services ?? 'ANY',
          appliedTo: o.appliedTo ?? 'ANY',
          direction: o.direction ?? 'IN_OUT',
          action: o.action ?? 'ALLOW',
        });
      },
      dfwDefaultRule(action) {
        spec.dfwDefaultAction = action;
      },
      vm(name, o) {
        declare('vm', name);
        spec.vms.push({ name, os: o?.os ?? 'linux' });
        return { kind: 'vm', name };
      },
    },
    aws: {
      defaultSecurityGroup() {
        if (!names.has('security-group:default')) {
          declare('security-group', 'default');
          spec.securityGroups.push({ name: 'default', isDefault: true, rules: [], noDefaultEgress: false });
        }
        return { kind: 'security-group', name: 'default' };
      },
      securityGroup(name, o) {
        if (name === 'default')
          throw new ScenarioDefinitionError(`scenario "${title}": use aws.defaultSecurityGroup() for the VPC's default security group`);
        declare('security-group', name);
        const ingress = (o?.ingress ?? []).map((r) => ({ ...r, direction: 'ingress' as const }));
        const egress = (o?.egress ?? [allow()]).map((r) => ({ ...r, direction: 'egress' as const }));
        for (const r of [...ingress, ...egress]) if ('sg' in r.peer) known('security-group', r.peer.sg);
        const restricted =
          o?.egress !== undefined && !o.egress.some((r) => r.protocol === 'all' && 'cidr' in r.peer && r.peer.cidr === '0.0.0.0/0');
        spec.securityGroups.push({
          name,
          isDefault: false,
          rules: [...ingress, ...egress.filter((r) => !(r.protocol === 'all' && 'cidr' in r.peer && r.peer.cidr === '0.0.0.0/0'))],
          noDefaultEgress: restricted,
        });
        return { kind: 'security-group', name };
      },
      subnet(name, o) {
        declare('subnet', name);
        for (const seg of o.routeTable?.sddcRoutes ?? []) known('segment', seg);
        for (const e of o.networkAcl ?? []) {
          const where = `scenario "${title}": subnet "${name}" ACL rule ${e.ruleNumber} ${e.egress ? 'out' : 'in'}`;
          if (e.ports === undefined) continue;
          if (e.protocol !== 'tcp' && e.protocol !== 'udp')
            throw new ScenarioDefinitionError(`${where}: ports apply to tcp and udp entries, not ${e.protocol}`);
          const [from, to] = e.ports;
          if (![from, to].every((p) => Number.isInteger(p) && p >= 0 && p <= 65535) || from > to)
            throw new ScenarioDefinitionError(`${where}: ports ${JSON.stringify(e.ports)} must be [from, to] with 0 ≤ from ≤ to ≤ 65535`);
        }
        spec.subnets.push({ name, ...o, cidr: o.cidr ?? freeRange(28) });
        return name;
      },
      instance(name, o) {
        declare('instance', name);
        if (o.securityGroups.length === 0)
          throw new ScenarioDefinitionError(`scenario "${title}": instance "${name}" needs at least one security group`);
        for (const sg of o.securityGroups) known('security-group', sg);
        if (o.subnet !== undefined && !names.has(`subnet:${o.subnet}`))
          throw new ScenarioDefinitionError(`scenario "${title}": instance "${name}" uses subnet "${o.subnet}", which is not declared`);
        spec.instances.push({
          name,
          securityGroups: o.securityGroups,
          instanceProfile: o.instanceProfile ?? true,
          ...(o.subnet ? { subnet: o.subnet } : {}),
        });
        return { kind: 'instance', name };
      },
      authorizeIngress(sg, rule) {
        known('security-group', sg);
        change(`authorize ingress on ${sg.name}`, {
          type: 'change',
          label: '',
          change: { type: 'authorize', sg, rule: { ...rule, direction: 'ingress' } },
        });
      },
      revokeIngress(sg, rule) {
        known('security-group', sg);
        change(`revoke ingress on ${sg.name}`, {
          type: 'change',
          label: '',
          change: { type: 'revoke', sg, rule: { ...rule, direction: 'ingress' } },
        });
      },
    },
    setConnectivity(segment, connectivity) {
      known('segment', segment);
      change(`segment ${segment.name} connectivity ${connectivity}`, {
        type: 'change',
        label: '',
        change: { type: 'segment-connectivity', segment, connectivity },
      });
    },
    step(label, fn) {
      const outer = stepLabel;
      stepLabel = outer ? `${outer} / ${label}` : label;
      try {
        fn();
      } finally {
        stepLabel = outer;
      }
    },
    ping(from, to) {
      return addProbe(from, to, { protocol: 'icmp' });
    },
    probe(from, to, kind) {
      return addProbe(from, to, probeKind(title, from, to, kind, listenDefault));
    },
    probeDefaults(o) {
      if (o.listen !== undefined && typeof o.listen !== 'boolean')
        throw new ScenarioDefinitionError(`scenario "${title}": probeDefaults({ listen }) takes true or false`);
      if (o.listen !== undefined) listenDefault = o.listen;
    },
  };
  body(api);
  if (!spec.steps.some((s) => s.type === 'probe'))
    throw new ScenarioDefinitionError(
      `scenario "${title}" has no probe; add ping(a, b).expect(...) or probe(a, b, { tcp: 443 }).expect(...)`,
    );
  return spec;
}
