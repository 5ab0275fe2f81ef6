// What a live run would fail on, found before anything is created (`run --dry-run --target live`, and
// doctor for the VMs the configuration names): every VM a scenario probes from is in the SDDC's
// inventory and an Online SSM managed node, every VM it probes to exists, and no block the scenario
// expects on the compute gateway is already prevented by one of the SDDC's own ALLOW rules on the VPC
// interface (then the "unreachable" it expects cannot happen here). Reads only.
import { createAwsClients } from '../../clients/aws';
import { createVmcClient, type NsxClient } from '../../clients/vmc';
import type { TargetSettings } from '../../target/target';
import { readVpcAddresses, resolveScenario, type Resolution } from './resolve-addresses';
import { inCidr, isIpv4Cidr, parseCidr, cidrsOverlap } from '../../world/cidr';
import type { CgwRuleSpec, ProbeStep, ScenarioSpec } from '../dsl/spec';
import { nodeLookup, vmNode, type NodeLookup } from '../../target/ssm-nodes';

const cgwBlocks = new Set(['CGW_DEFAULT_DROP', 'CGW_RULE_DROP']);
const vpcInterface = new Set(['/infra/labels/cgw-cross-vpc', '/infra/labels/cgw-all', 'ANY']);
const connectedVpcGroup = '/infra/tier-0s/vmc/groups/connected_vpc';

interface VmSeen {
  name: string;
  ip: string;
}

type Rule = Awaited<ReturnType<NsxClient['rules']['list']>>[number];
type Group = Awaited<ReturnType<NsxClient['groups']['list']>>[number];

const literalHolds = (v: string, ip: string): boolean => (isIpv4Cidr(v) ? inCidr(ip, v) : v === ip);

/** Does a group of the SDDC hold the VM (by name, IP, or segment)? Expressions only, no nested groups. */
function groupHolds(g: Group | undefined, vm: VmSeen, segments: Map<string, string[]>): boolean {
  return (g?.expression ?? []).some((x) => {
    const e = x as { resource_type: string; key?: string; value?: string; operator?: string; ip_addresses?: string[]; paths?: string[] };
    if (e.resource_type === 'Condition' && e.key === 'Name' && e.operator === 'EQUALS') return e.value === vm.name;
    if (e.resource_type === 'IPAddressExpression') return (e.ip_addresses ?? []).some((a) => literalHolds(a, vm.ip));
    if (e.resource_type === 'PathExpression') return (e.paths ?? []).some((p) => (segments.get(p) ?? []).some((c) => inCidr(vm.ip, c)));
    return false;
  });
}

/** An existing ALLOW on the VPC interface that lets this probe's packet through, before any scenario DROP. */
function allowingRule(
  rules: Rule[],
  groups: Map<string, Group>,
  segments: Map<string, string[]>,
  vm: VmSeen,
  vpcCidrs: string[],
  inbound: boolean,
  before: number,
  icmp: boolean,
): Rule | undefined {
  const vmSide = (vals: string[]): boolean =>
    vals.some((v) => v === 'ANY' || (v.startsWith('/') ? groupHolds(groups.get(v), vm, segments) : literalHolds(v, vm.ip)));
  const vpcSide = (vals: string[]): boolean =>
    vals.some(
      (v) => v === 'ANY' || v === connectedVpcGroup || (isIpv4Cidr(v) && vpcCidrs.some((c) => cidrsOverlap(parseCidr(v), parseCidr(c)))),
    );
  return (
    rules
      .filter(
        (r) =>
          r.action === 'ALLOW' && (r.sequence_number ?? 0) < before && (r.scope.length === 0 || r.scope.some((s) => vpcInterface.has(s))),
      )
      .filter((r) => (r.direction ?? 'IN_OUT') === 'IN_OUT' || r.direction === (inbound ? 'IN' : 'OUT'))
      // A TCP/UDP probe: only ANY surely carries its port (service paths are not resolved here, so a named
      // service is not claimed to allow it: no false alarm).
      .filter((r) => r.services.some((s) => s === 'ANY' || (icmp && /ICMP/i.test(s))))
      .sort((a, b) => (a.sequence_number ?? 0) - (b.sequence_number ?? 0))
      .find((r) =>
        inbound ? vpcSide(r.source_groups) && vmSide(r.destination_groups) : vmSide(r.source_groups) && vpcSide(r.destination_groups),
      )
  );
}

export interface PreflightInput {
  /** The scenario with its VM names resolved (sddcName set). */
  spec: ScenarioSpec;
  nsx: NsxClient;
  vpcCidrs: string[];
  lookup: NodeLookup;
  configuredNodes: Record<string, string>;
}

export async function preflight(i: PreflightInput): Promise<string[]> {
  const problems: string[] = [];
  const [vms, vifs, rules, groups, segments] = await Promise.all([
    i.nsx.listVirtualMachines(),
    i.nsx.listVifs(),
    i.nsx.rules.list(),
    i.nsx.groups.list(),
    i.nsx.segments.list(),
  ]);
  const seen = new Map<string, VmSeen>();
  for (const want of i.spec.vms) {
    const display = want.sddcName ?? want.name;
    const vm = vms.find((v) => v.display_name === display);
    if (!vm) {
      problems.push(`VM "${display}" (the scenario's ${want.name}) is not in the SDDC's inventory; map it to an existing VM in live.vms`);
      continue;
    }
    const ip = vifs
      .filter((f) => f.owner_vm_id === vm.external_id)
      .flatMap((f) => (f.ip_address_info ?? []).flatMap((a) => a.ip_addresses ?? []))
      .find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
    if (ip) seen.set(want.name, { name: display, ip });
    else problems.push(`VM "${display}" reports no IPv4 address (VMware Tools not running?)`);
  }
  const probes = i.spec.steps.filter((s): s is ProbeStep => s.type === 'probe');
  const checked = new Set<string>();
  // The VMs that run commands: the sources, and the destinations of probes that start a listener there.
  const listens = (x: ProbeStep): boolean => x.probe?.protocol === 'udp' || (x.probe?.protocol === 'tcp' && x.probe.listen);
  const runsOn = probes
    .filter((x) => !x.expect.probeError)
    .flatMap((x) => [...(x.from.kind === 'vm' ? [x.from] : []), ...(x.to.kind === 'vm' && listens(x) ? [x.to] : [])]);
  for (const ref of runsOn) {
    const vm = seen.get(ref.name);
    if (!vm || checked.has(vm.name)) continue;
    checked.add(vm.name);
    const node = await vmNode(vm, i.configuredNodes[vm.name], i.lookup);
    if ('unavailable' in node) problems.push(`probes from ${vm.name} cannot run: ${node.unavailable}`);
  }
  const own = new Set(i.spec.cgwRules.map((r) => r.name));
  const foreign = rules.filter((r) => !(r.tags ?? []).some((t) => t.scope === 'vmc-reach:run-id') && !own.has(r.display_name ?? ''));
  const groupMap = new Map(groups.map((g) => [g.path, g]));
  const segmentMap = new Map(segments.map((s) => [s.path, s.subnets.map((n) => n.network ?? '').filter(Boolean)]));
  const drops = (d: CgwRuleSpec[]): number =>
    Math.min(...d.filter((r) => r.action !== 'ALLOW').map((r) => r.sequence), Number.MAX_SAFE_INTEGER);
  for (const p of probes.filter((x) => x.expect.blockedBy && cgwBlocks.has(x.expect.blockedBy))) {
    const vmRef = p.from.kind === 'vm' ? p.from : p.to;
    const vm = seen.get(vmRef.name);
    if (!vm) continue;
    const before = p.expect.blockedBy === 'CGW_RULE_DROP' ? drops(i.spec.cgwRules) : Number.MAX_SAFE_INTEGER;
    const r = allowingRule(
      foreign,
      groupMap,
      segmentMap,
      vm,
      i.vpcCidrs,
      p.to.kind === 'vm',
      before,
      (p.probe?.protocol ?? 'icmp') === 'icmp',
    );
    if (r)
      problems.push(
        `${p.label}: the scenario expects ${p.expect.blockedBy}, but the SDDC's own CGW rule "${r.display_name ?? r.id}" (seq ${r.sequence_number}, ${r.action} ${r.source_groups.join(',')} → ${r.destination_groups.join(',')}, ${r.direction ?? 'IN_OUT'}) already lets the packet through on the VPC interface: run it on an SDDC without that rule, or deselect the scenario`,
      );
  }
  return problems;
}

/** The live dry run's checks: connect (read only), resolve the scenario for this VPC, run the preflight. */
export async function preflightLive(
  declared: ScenarioSpec,
  settings: TargetSettings,
): Promise<{ resolved: Resolution[]; problems: string[] }> {
  const aws = createAwsClients(settings.aws);
  try {
    const { discovery, nsx } = await createVmcClient(settings.vmc).connect();
    const addresses = await readVpcAddresses(aws.ec2, discovery.connectedVpc.vpcId);
    const { spec, resolved } = resolveScenario(declared, addresses, settings.vmNames);
    const problems = await preflight({
      spec,
      nsx,
      vpcCidrs: addresses.cidrs,
      lookup: nodeLookup(aws.ssm, settings),
      configuredNodes: settings.vmManagedInstanceIds,
    });
    return { resolved, problems };
  } finally {
    aws.destroy();
  }
}
