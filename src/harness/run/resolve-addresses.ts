// The scenario's addresses and VM names, made concrete at provision time for the account at hand:
// `vpcCidr()` becomes the connected VPC's primary CIDR, each `freeRange(n)` a /n of the VPC's CIDRs that
// no existing subnet (nor another range of the same run) overlaps, and each VM the SDDC display name the
// configuration gives it (`live.vms`). The rest of the runner sees literal CIDRs and names only.
import { DescribeSubnetsCommand, DescribeVpcsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { cidrsOverlap, formatCidr, parseCidr } from '../../world/cidr';
import type { Address, GroupMember, ScenarioSpec, SgPeer, SgRuleSpec, Step } from '../dsl/spec';
import { ProvisionError } from './provision-error';

export interface VpcAddresses {
  vpcId: string;
  /** Primary first. */
  cidrs: string[];
  subnetCidrs: string[];
}

export interface Resolution {
  what: string;
  value: string;
}

export async function readVpcAddresses(ec2: EC2Client, vpcId: string): Promise<VpcAddresses> {
  const [vpcs, subnets] = await Promise.all([
    ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })),
    ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })),
  ]);
  const vpc = vpcs.Vpcs?.[0];
  if (!vpc?.CidrBlock)
    throw new ProvisionError(
      `EC2 DescribeVpcs does not return the connected VPC ${vpcId}: are these credentials for the account and region it is in?`,
    );
  const secondary = (vpc.CidrBlockAssociationSet ?? [])
    .filter((a) => a.CidrBlockState?.State === 'associated' && a.CidrBlock && a.CidrBlock !== vpc.CidrBlock)
    .map((a) => a.CidrBlock!);
  return {
    vpcId,
    cidrs: [vpc.CidrBlock, ...secondary],
    subnetCidrs: (subnets.Subnets ?? []).flatMap((s) => (s.CidrBlock ? [s.CidrBlock] : [])),
  };
}

/** The first /prefix of the VPC's CIDRs that overlaps none of `taken`. */
export function allocateFreeRange(vpc: VpcAddresses, prefix: number, taken: readonly string[]): string {
  const used = taken.map(parseCidr);
  const size = 2 ** (32 - prefix);
  for (const c of vpc.cidrs.map(parseCidr)) {
    if (c.prefix > prefix) continue;
    const end = c.network + 2 ** (32 - c.prefix);
    for (let n = c.network; n < end;) {
      const candidate = { network: n >>> 0, prefix };
      const hit = used.find((u) => cidrsOverlap(u, candidate));
      if (!hit) return formatCidr(candidate);
      // Past the overlapping range, aligned to the candidate size.
      const after = hit.network + 2 ** (32 - hit.prefix);
      n = Math.max(n + size, Math.ceil(after / size) * size);
    }
  }
  throw new ProvisionError(
    `no free /${prefix} left in the connected VPC ${vpc.vpcId} (${vpc.cidrs.join(', ')}): its subnets cover it; free a range or add a secondary CIDR`,
  );
}

/** The scenario with every address token and VM name made concrete, and what each became. */
export function resolveScenario(
  spec: ScenarioSpec,
  vpc: VpcAddresses,
  vmNames: Readonly<Record<string, string>> = {},
): { spec: ScenarioSpec; resolved: Resolution[] } {
  const resolved: Resolution[] = [];
  const allocated: string[] = [];
  const address = (a: Address, what: string): string => {
    if (typeof a === 'string') return a;
    const value = a.vpc === 'cidr' ? vpc.cidrs[0]! : allocateFreeRange(vpc, a.prefix, [...vpc.subnetCidrs, ...allocated]);
    if (a.vpc === 'free-range') allocated.push(value);
    resolved.push({ what, value });
    return value;
  };
  const peer = (p: SgPeer, what: string): SgPeer => ('cidr' in p ? { cidr: address(p.cidr, what) } : p);
  const rule = (r: SgRuleSpec, what: string): SgRuleSpec => ({ ...r, peer: peer(r.peer, what) });
  const vmName = (name: string): string => {
    const to = vmNames[name];
    if (to && to !== name) resolved.push({ what: `VM ${name}`, value: to });
    return to ?? name;
  };
  const member = (m: GroupMember): GroupMember => ('vmName' in m ? { vmName: vmName(m.vmName) } : m);
  const step = (s: Step): Step =>
    s.type === 'change' && s.change.type !== 'segment-connectivity'
      ? { ...s, change: { ...s.change, rule: rule(s.change.rule, `${s.label}: peer`) } }
      : s;
  const out: ScenarioSpec = {
    ...spec,
    subnets: spec.subnets.map((sn) => ({
      ...sn,
      cidr: address(sn.cidr, `subnet ${sn.name}`),
      ...(sn.networkAcl
        ? {
            networkAcl: sn.networkAcl.map((e) => ({
              ...e,
              cidr: address(e.cidr, `subnet ${sn.name} ACL rule ${e.ruleNumber} ${e.egress ? 'out' : 'in'}`),
            })),
          }
        : {}),
    })),
    securityGroups: spec.securityGroups.map((sg) => ({
      ...sg,
      rules: sg.rules.map((r) => rule(r, `security group ${sg.name} ${r.direction} peer`)),
    })),
    vms: spec.vms.map((v) => ({ ...v, sddcName: vmName(v.name) })),
    groups: spec.groups.map((g) => ({ ...g, members: g.members.map(member) })),
    steps: spec.steps.map(step),
  };
  return { spec: out, resolved: resolved.filter((r, i) => resolved.findIndex((o) => o.what === r.what && o.value === r.value) === i) };
}

/** A resolved address (the runner's view); an unresolved token here is a bug in the runner. */
export function literal(a: Address): string {
  if (typeof a !== 'string') throw new ProvisionError(`internal: address ${JSON.stringify(a)} was not resolved before use`);
  return a;
}
