// Provisioning, AWS side, through the EC2 and SSM clients: the default SG is adopted; scenario SGs,
// subnets with their own route table or network ACL, and instances are created, tagged with the run id
// and written to the ledger before use (RunInstances with a client token recorded first, so a crash
// between the call and the ledger update can still be reaped). Then waits, each with its purpose:
// instances running, SSM agents online, the segment routes realized in the VPC.
import {
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  ReplaceNetworkAclAssociationCommand,
  RevokeSecurityGroupEgressCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand, GetParameterCommand } from '@aws-sdk/client-ssm';
import { isCredentialError } from '../../clients/aws';
import type { ScenarioSpec } from '../dsl/spec';
import { waitUntil, WaitTimeoutError } from '../../target/wait';
import { ssmCallError } from '../../target/ssm-nodes';
import type { Provisioned } from './provisioned';
import { awsTags, type RunContext } from './run-context';
import { ipPermission } from './sg-permissions';
import { ProvisionError } from './provision-sddc';
import { literal } from './resolve-addresses';

const tagSpec = (ctx: RunContext, type: 'security-group' | 'instance' | 'subnet' | 'route-table' | 'network-acl', name: string) => [{ ResourceType: type, Tags: awsTags(ctx, name) }];

const naclProtocol = { all: '-1', icmp: '1', tcp: '6', udp: '17' } as const;

export async function adoptDefaultSecurityGroup(ctx: RunContext, out: Provisioned): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  const r = await ctx.aws.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }));
  const sg = r.SecurityGroups?.[0];
  if (!sg?.GroupId) throw new ProvisionError(`the connected VPC ${vpcId} has no default security group visible to these credentials`);
  out.defaultSecurityGroupId = sg.GroupId;
  await ctx.ledger.record({ action: 'adopted', type: 'ec2:security-group', id: sg.GroupId, name: 'default' });
}

export async function provisionSecurityGroups(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  for (const sg of spec.securityGroups.filter((s) => !s.isDefault)) {
    const groupName = `${sg.name}.${ctx.runId}`;
    const entry = await ctx.ledger.record({ action: 'created', type: 'ec2:security-group', name: sg.name, details: { groupName, vpcId } });
    const created = await ctx.aws.ec2.send(new CreateSecurityGroupCommand({ GroupName: groupName, Description: `vmc-reach ${ctx.scenario}: ${sg.name}`.slice(0, 255), VpcId: vpcId, TagSpecifications: tagSpec(ctx, 'security-group', sg.name) }));
    await ctx.ledger.update(entry.seq, { id: created.GroupId!, state: 'live' });
    out.securityGroups.set(sg.name, created.GroupId!);
    ctx.log(`created security group ${sg.name} (${created.GroupId})`);
  }
  // Rules after every group exists: rules may reference each other's groups. They go with their group.
  for (const sg of spec.securityGroups.filter((s) => !s.isDefault)) {
    const groupId = out.securityGroups.get(sg.name)!;
    if (sg.noDefaultEgress) {
      await ctx.aws.ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    }
    const ingress = sg.rules.filter((r) => r.direction === 'ingress').map((r) => ipPermission(r, out));
    const egress = sg.rules.filter((r) => r.direction === 'egress').map((r) => ipPermission(r, out));
    if (ingress.length) await ctx.aws.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: ingress }));
    if (egress.length) await ctx.aws.ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: egress }));
  }
}

export async function provisionSubnets(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const vpcId = ctx.discovery.connectedVpc.vpcId;
  for (const sn of spec.subnets) {
    const entry = await ctx.ledger.record({ action: 'created', type: 'ec2:subnet', name: sn.name, details: { cidr: literal(sn.cidr), vpcId } });
    const created = await ctx.aws.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: literal(sn.cidr), TagSpecifications: tagSpec(ctx, 'subnet', sn.name) }));
    const subnetId = created.Subnet!.SubnetId!;
    await ctx.ledger.update(entry.seq, { id: subnetId, state: 'live' });
    out.subnets.set(sn.name, subnetId);
    if (sn.routeTable) {
      const rtEntry = await ctx.ledger.record({ action: 'created', type: 'ec2:route-table', name: `${sn.name} routes`, details: { vpcId } });
      const rt = await ctx.aws.ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: tagSpec(ctx, 'route-table', `${sn.name} routes`) }));
      const routeTableId = rt.RouteTable!.RouteTableId!;
      await ctx.ledger.update(rtEntry.seq, { id: routeTableId, state: 'live' });
      const assoc = await ctx.aws.ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }));
      await ctx.ledger.record({ action: 'created', type: 'ec2:route-table-association', id: assoc.AssociationId!, state: 'live', details: { routeTableId, subnetId } });
      for (const seg of sn.routeTable.sddcRoutes) {
        await ctx.aws.ec2.send(new CreateRouteCommand({ RouteTableId: routeTableId, DestinationCidrBlock: out.segments.get(seg.name)!.cidr, NetworkInterfaceId: ctx.discovery.connectedVpc.activeEni }));
      }
    }
    if (sn.networkAcl) {
      const aclEntry = await ctx.ledger.record({ action: 'created', type: 'ec2:network-acl', name: `${sn.name} acl`, details: { vpcId, subnetId } });
      const acl = await ctx.aws.ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId, TagSpecifications: tagSpec(ctx, 'network-acl', `${sn.name} acl`) }));
      const aclId = acl.NetworkAcl!.NetworkAclId!;
      await ctx.ledger.update(aclEntry.seq, { id: aclId, state: 'live' });
      for (const e of sn.networkAcl) {
        await ctx.aws.ec2.send(new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId, RuleNumber: e.ruleNumber, Egress: e.egress, Protocol: naclProtocol[e.protocol], RuleAction: e.action, CidrBlock: literal(e.cidr),
          ...(e.protocol === 'icmp' ? { IcmpTypeCode: { Type: e.icmpType ?? -1, Code: -1 } } : {}),
          // TCP/UDP entries need a port range (the API refuses them without one); absent = every port.
          ...(e.protocol === 'tcp' || e.protocol === 'udp' ? { PortRange: { From: e.ports?.[0] ?? 0, To: e.ports?.[1] ?? 65535 } } : {}),
        }));
      }
      const acls = await ctx.aws.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }));
      const current = acls.NetworkAcls?.[0]?.Associations?.find((a) => a.SubnetId === subnetId);
      if (!current?.NetworkAclAssociationId) throw new ProvisionError(`subnet ${subnetId} has no network ACL association to replace`);
      const replaced = await ctx.aws.ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: current.NetworkAclAssociationId, NetworkAclId: aclId }));
      await ctx.ledger.record({ action: 'created', type: 'ec2:network-acl-association', id: replaced.NewAssociationId!, state: 'live', details: { subnetId, networkAclId: aclId, previousNetworkAclId: current.NetworkAclId } });
    }
    ctx.log(`created subnet ${sn.name} ${sn.cidr}${sn.routeTable ? ' with its own route table' : ''}${sn.networkAcl ? ' with its own network ACL' : ''}`);
  }
}

async function resolveImage(ctx: RunContext): Promise<string> {
  if (!ctx.settings.image.startsWith('/')) return ctx.settings.image;
  const p = await ctx.aws.ssm.send(new GetParameterCommand({ Name: ctx.settings.image }));
  const id = p.Parameter?.Value;
  if (!id) throw new ProvisionError(`SSM parameter ${ctx.settings.image} holds no AMI id`);
  return id;
}

export async function provisionInstances(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  if (spec.instances.length === 0) return;
  const imageId = await resolveImage(ctx);
  const defaultSubnet = ctx.settings.subnetId ?? ctx.discovery.connectedVpc.connectedSubnetId;
  for (const inst of spec.instances) {
    const subnetId = inst.subnet ? out.subnets.get(inst.subnet)! : defaultSubnet;
    if (!subnetId) throw new ProvisionError('no subnet for the test instances: discovery found no connected subnet; set "live.subnetId" in the config');
    const clientToken = `${ctx.runId}-${inst.name}`.slice(0, 64);
    const profile = inst.instanceProfile ? ctx.settings.instanceProfile : undefined;
    const entry = await ctx.ledger.record({ action: 'created', type: 'ec2:instance', name: inst.name, details: { clientToken, runTag: ctx.runId } });
    const r = await ctx.aws.ec2.send(new RunInstancesCommand({
      ImageId: imageId,
      InstanceType: ctx.settings.instanceType as never,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnetId,
      SecurityGroupIds: inst.securityGroups.map((sg) => (sg.name === 'default' ? out.defaultSecurityGroupId : out.securityGroups.get(sg.name)!)),
      ClientToken: clientToken,
      TagSpecifications: tagSpec(ctx, 'instance', inst.name),
      ...(profile ? { IamInstanceProfile: profile.startsWith('arn:') ? { Arn: profile } : { Name: profile } } : {}),
    }));
    const i = r.Instances![0]!;
    await ctx.ledger.update(entry.seq, { id: i.InstanceId!, state: 'live' });
    const noProfile = inst.instanceProfile
      ? `${inst.name} was launched without an instance profile because none is configured (live.instanceProfile / VMC_REACH_INSTANCE_PROFILE), so its SSM agent cannot register`
      : `${inst.name} has no instance profile, so the SSM agent cannot register and no command can run on it`;
    out.instances.set(inst.name, { instanceId: i.InstanceId!, privateIp: i.PrivateIpAddress!, ssm: profile ? { ready: false, why: 'not yet online' } : { ready: false, why: noProfile } });
    ctx.log(`launched ${inst.name} (${i.InstanceId}, ${i.PrivateIpAddress})${profile ? '' : ' without an instance profile'}`);
  }
  await waitForInstances(ctx, spec, out);
}

async function waitForInstances(ctx: RunContext, spec: ScenarioSpec, out: Provisioned): Promise<void> {
  const ids = spec.instances.map((i) => out.instances.get(i.name)!.instanceId);
  await waitUntil(async () => {
    const r = await ctx.aws.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
    const states = (r.Reservations ?? []).flatMap((res) => res.Instances ?? []).map((i) => `${i.InstanceId}:${i.State?.Name}`);
    const bad = states.filter((s) => /:(terminated|shutting-down|stopped)$/.test(s));
    if (bad.length) throw new ProvisionError(`instances stopped before running: ${bad.join(', ')}`);
    return states.length === ids.length && states.every((s) => s.endsWith(':running')) ? { done: true, value: undefined } : { done: false, observed: states };
  }, { purpose: 'the test instances to be running', timeoutMs: ctx.timeouts.instanceMs, initialDelayMs: 2_000, factor: 1.5, maxDelayMs: 5_000, clock: ctx.clock, retryOn: (e) => (e as { name?: string }).name === 'InvalidInstanceID.NotFound' });
  // Only instances launched with a profile can register; the others already say why not.
  const managed = spec.instances.map((i) => out.instances.get(i.name)!).filter((m) => m.ssm.ready || m.ssm.why === 'not yet online');
  if (managed.length === 0) return;
  await waitUntil(async () => {
    const r = await ctx.aws.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: managed.map((m) => m.instanceId) }] }));
    const online = new Set((r.InstanceInformationList ?? []).filter((n) => n.PingStatus === 'Online').map((n) => n.InstanceId));
    for (const m of managed) if (online.has(m.instanceId)) m.ssm = { ready: true };
    return managed.every((m) => m.ssm.ready) ? { done: true, value: undefined } : { done: false, observed: [...online] };
  }, { purpose: 'the SSM agents of the test instances to be online (instance profile, SSM endpoints reachable)', timeoutMs: ctx.timeouts.ssmOnlineMs, initialDelayMs: 2_000, factor: 1.5, maxDelayMs: 5_000, clock: ctx.clock }).catch((e) => {
    if (isCredentialError(e)) throw e; // refused credentials end the run, they say nothing about the agents
    const why = e instanceof WaitTimeoutError ? `the SSM agent did not come online: ${e.message}` : `its SSM state could not be read: ${ssmCallError('DescribeInstanceInformation', ctx.settings, e)}`;
    for (const m of managed) if (!m.ssm.ready) m.ssm = { ready: false, why };
  });
}

/** Waits until the managed route tables route every scenario segment to the active cross-link ENI. */
export async function waitForSegmentRoutes(ctx: RunContext, out: Provisioned, segments: string[]): Promise<void> {
  const tables = ctx.discovery.connectedVpc.managedRouteTableIds;
  if (segments.length === 0 || tables.length === 0) return;
  const cidrs = segments.map((s) => out.segments.get(s)!.cidr);
  await waitUntil(async () => {
    const r = await ctx.aws.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: tables }));
    const missing = cidrs.filter((c) => !(r.RouteTables ?? []).some((t) => (t.Routes ?? []).some((rt) => rt.DestinationCidrBlock === c && rt.NetworkInterfaceId === ctx.discovery.connectedVpc.activeEni)));
    return missing.length === 0 ? { done: true, value: undefined } : { done: false, observed: { missing } };
  }, { purpose: `VMC to route ${cidrs.join(', ')} to the active cross-link ENI in ${tables.join(', ')}`, timeoutMs: ctx.timeouts.routeMs, initialDelayMs: 1_000, factor: 1.5, maxDelayMs: 5_000, clock: ctx.clock });
}
