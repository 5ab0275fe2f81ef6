// The plan of a scenario for `--dry-run`: every resource the run would create, adopt or change, and
// the API calls it would make, in order. Derived from the spec alone: nothing is called.
import { describeAddress } from '../dsl/builder';
import type { CgwEndpoint, ProbeKind, ScenarioSpec } from '../dsl/spec';

/** The SSM commands a probe sends, in order. */
const probeCalls = (k: ProbeKind | undefined): string => {
  if (!k || k.protocol === 'icmp') return 'SSM SendCommand ping';
  const connect = k.protocol === 'tcp' ? `SSM SendCommand TCP connect to port ${k.port} (bash /dev/tcp or Test-NetConnection)` : `SSM SendCommand UDP datagram to port ${k.port}`;
  return k.protocol === 'udp' || k.listen ? `SSM SendCommand a one-shot ${k.protocol.toUpperCase()} listener on port ${k.port} on the destination, then ${connect}` : connect;
};

const ep = (e: CgwEndpoint): string => (typeof e === 'string' ? e : 'cidr' in e ? e.cidr : `group ${e.name}`);

export function planScenario(spec: ScenarioSpec): string[] {
  const lines = [`scenario: ${spec.title}`, '  discover: GET /vmc/api/orgs/{org}/sddcs/{sddc}; GET cloud-service linked-vpcs; EC2 DescribeVpcs, DescribeSubnets (the addresses below), DescribeSecurityGroups (default SG: adopt)'];
  for (const s of spec.segments) lines.push(`  segment ${s.name} ${s.gateway}: adopt the segment holding this subnet if one exists, else create (PATCH /policy/api/v1/infra/tier-1s/cgw/segments/<id>-<run>, tagged vmc-reach:run-id)`);
  for (const g of spec.groups) lines.push(`  group ${g.name}: create (PATCH /policy/api/v1/infra/domains/cgw/groups/${g.id}-<run>) members ${JSON.stringify(g.members)}`);
  for (const r of spec.dfwRules) lines.push(`  DFW rule ${r.name}: create (PATCH …/security-policies/vmc-reach-${r.category.toLowerCase()}-<run>/rules/${r.id}-<run>) seq ${r.sequence} ${ep(r.from)} → ${ep(r.to)} ${r.action} ${r.direction}`);
  if (spec.dfwDefaultAction) lines.push(`  DFW default rule: set to ${spec.dfwDefaultAction} (PATCH …/security-policies/default-layer3-section/rules/default-layer3-rule), reverted at teardown`);
  for (const r of spec.cgwRules) lines.push(`  CGW rule ${r.name}: create (PATCH …/gateway-policies/default/rules/${r.id}-<run>) seq ${r.sequence} ${ep(r.from)} → ${ep(r.to)} ${r.action} ${r.direction}, Applied To ${r.appliedTo}`);
  for (const sg of spec.securityGroups) {
    lines.push(sg.isDefault ? '  security group default: adopt (never deleted)' : `  security group ${sg.name}: create (CreateSecurityGroup, AuthorizeSecurityGroupIngress/Egress${sg.noDefaultEgress ? ', RevokeSecurityGroupEgress of the allow-all rule' : ''})`);
  }
  for (const sn of spec.subnets) lines.push(`  subnet ${sn.name} ${describeAddress(sn.cidr)}${typeof sn.cidr === 'string' ? '' : ' (allocated at run time from the VPC\'s CIDRs, avoiding its subnets; recorded in the ledger)'}: create (CreateSubnet${sn.routeTable ? ', CreateRouteTable, AssociateRouteTable, CreateRoute' : ''}${sn.networkAcl ? ', CreateNetworkAcl, CreateNetworkAclEntry, ReplaceNetworkAclAssociation' : ''})`);
  for (const i of spec.instances) lines.push(`  instance ${i.name}: create (SSM GetParameter for the AMI, RunInstances with a client token${i.instanceProfile ? ' and the instance profile' : ', no instance profile'}; wait running${i.instanceProfile ? ' and SSM Online' : ''})`);
  for (const v of spec.vms) lines.push(`  VM ${v.name}: adopt the SDDC VM live.vms maps it to (default: this name) (NSX realized-state virtual-machines and vifs; its SSM managed node from live.vm, else SSM DescribeInstanceInformation by its IP, Online only)`);
  for (const st of spec.steps) {
    if (st.type === 'change') lines.push(`  change: ${st.label}${st.change.type === 'authorize' && st.change.sg.name === 'default' ? ' (foreign: recorded by rule id, reverted exactly at teardown)' : ''}`);
    else lines.push(`  probe: ${st.label} (${probeCalls(st.probe)}, GetCommandInvocation; then discovery and the engine's verdict) expecting ${st.expect.probeError ? 'the probe not to run' : st.expect.reachable ? 'reachable' : `unreachable${st.expect.blockedBy ? ` by ${st.expect.blockedBy}` : ''}`}`);
  }
  lines.push('  teardown: delete what was created and revert what was changed, in reverse order, from the ledger .vmc-reach/runs/<run>.json');
  return lines;
}
