// Applies a verdict's suggested fix to a world through the world operation its API call names (test
// code only): EC2 params in the API's PascalCase shape become the operations' inputs, NSX PATCH bodies
// become patchCgwRule/patchDfwRule/patchSegment, StartInstances and the vSphere power-on change the endpoints' state.
// A fix whose call has no world operation (a guest OS change, a note) is refused, never ignored.
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createNetworkAclEntry,
  createRoute,
  deleteRoute,
  describeInstances,
  patchCgwRule,
  patchDfwRule,
  patchSegment,
  replaceNetworkAclEntry,
  replaceRoute,
  setVmPowerState,
  startInstances,
  type CgwAction,
  type CgwDirection,
  type IpPermission,
  type World,
} from '../../world';
import type { Fix } from '../verdict';

type Params = Record<string, unknown>;

const list = (v: unknown): Params[] => (Array.isArray(v) ? (v as Params[]) : []);

function toIpPermission(p: Params): IpPermission {
  return {
    ipProtocol: String(p.IpProtocol),
    ...(p.FromPort !== undefined ? { fromPort: Number(p.FromPort) } : {}),
    ...(p.ToPort !== undefined ? { toPort: Number(p.ToPort) } : {}),
    ipRanges: list(p.IpRanges).map((r) => ({ cidrIp: String(r.CidrIp) })),
    userIdGroupPairs: list(p.UserIdGroupPairs).map((g) => ({ groupId: String(g.GroupId) })),
    prefixListIds: list(p.PrefixListIds).map((l) => ({ prefixListId: String(l.PrefixListId) })),
  };
}

function applyEc2(world: World, action: string, p: Params): void {
  switch (action) {
    case 'AuthorizeSecurityGroupIngress':
      authorizeSecurityGroupIngress(world, String(p.GroupId), list(p.IpPermissions).map(toIpPermission));
      return;
    case 'AuthorizeSecurityGroupEgress':
      authorizeSecurityGroupEgress(world, String(p.GroupId), list(p.IpPermissions).map(toIpPermission));
      return;
    case 'CreateNetworkAclEntry':
    case 'ReplaceNetworkAclEntry': {
      const icmp = p.IcmpTypeCode as { Type: number; Code: number } | undefined;
      const ports = p.PortRange as { From: number; To: number } | undefined;
      (action === 'CreateNetworkAclEntry' ? createNetworkAclEntry : replaceNetworkAclEntry)(world, String(p.NetworkAclId), {
        ruleNumber: Number(p.RuleNumber),
        protocol: String(p.Protocol),
        ruleAction: p.RuleAction === 'deny' ? 'deny' : 'allow',
        egress: p.Egress === true,
        cidrBlock: String(p.CidrBlock),
        ...(icmp ? { icmpTypeCode: { type: icmp.Type, code: icmp.Code } } : {}),
        ...(ports ? { portRange: { from: ports.From, to: ports.To } } : {}),
      });
      return;
    }
    case 'CreateRoute':
    case 'ReplaceRoute': {
      const destination =
        p.DestinationPrefixListId !== undefined
          ? { destinationPrefixListId: String(p.DestinationPrefixListId) }
          : { destinationCidrBlock: String(p.DestinationCidrBlock) };
      const input = { routeTableId: String(p.RouteTableId), ...destination, networkInterfaceId: String(p.NetworkInterfaceId) };
      if (action === 'CreateRoute') createRoute(world, input);
      else replaceRoute(world, input);
      return;
    }
    case 'DeleteRoute':
      deleteRoute(world, {
        routeTableId: String(p.RouteTableId),
        ...(p.DestinationPrefixListId !== undefined
          ? { destinationPrefixListId: String(p.DestinationPrefixListId) }
          : { destinationCidrBlock: String(p.DestinationCidrBlock) }),
      });
      return;
    case 'StartInstances':
      startInstances(world, list(p.InstanceIds).map(String));
      describeInstances(world);
      return;
  }
  throw new Error(`no world operation for the EC2 fix ${action}`);
}

function applyNsx(world: World, action: string, p: Params): void {
  const rule = /^PATCH \/policy\/api\/v1\/infra\/domains\/cgw\/gateway-policies\/default\/rules\/([^/]+)$/.exec(action);
  if (rule) {
    patchCgwRule(world, rule[1]!, {
      displayName: String(p.display_name),
      sequenceNumber: Number(p.sequence_number),
      sourceGroups: (p.source_groups as string[]).map(String),
      destinationGroups: (p.destination_groups as string[]).map(String),
      services: (p.services as string[]).map(String),
      scope: (p.scope as string[]).map(String),
      action: p.action as CgwAction,
      direction: p.direction as CgwDirection,
    });
    return;
  }
  const dfw = /^PATCH \/policy\/api\/v1\/infra\/domains\/cgw\/security-policies\/([^/]+)\/rules\/([^/]+)$/.exec(action);
  if (dfw) {
    patchDfwRule(world, dfw[1]!, dfw[2]!, {
      displayName: String(p.display_name),
      sequenceNumber: Number(p.sequence_number),
      sourceGroups: (p.source_groups as string[]).map(String),
      destinationGroups: (p.destination_groups as string[]).map(String),
      services: (p.services as string[]).map(String),
      scope: (p.scope as string[]).map(String),
      action: p.action as CgwAction,
      direction: p.direction as CgwDirection,
    });
    return;
  }
  const segment = /^PATCH \/policy\/api\/v1\/infra\/tier-1s\/cgw\/segments\/([^/]+)$/.exec(action);
  if (segment) {
    const advanced = p.advanced_config as { connectivity?: 'ON' | 'OFF' } | undefined;
    patchSegment(world, segment[1]!, { ...(advanced?.connectivity ? { connectivity: advanced.connectivity } : {}) });
    return;
  }
  throw new Error(`no world operation for the NSX fix ${action}`);
}

export function applyFix(world: World, fix: Fix): void {
  if (fix.api === 'ec2') return applyEc2(world, fix.action, fix.params);
  if (fix.api === 'nsx') return applyNsx(world, fix.action, fix.params);
  if (fix.api === 'vsphere' && fix.action.includes('/power?action=start')) {
    setVmPowerState(world, String(fix.params.instance_uuid), 'VM_RUNNING');
    return;
  }
  throw new Error(`no world operation for the ${fix.api} fix ${fix.action}`);
}

/** Whether `applyFix` knows the fix's call (guest OS changes and notes have no world operation). */
export const fixIsApplicable = (fix: Fix): boolean =>
  (fix.api === 'ec2' &&
    [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'CreateNetworkAclEntry',
      'ReplaceNetworkAclEntry',
      'CreateRoute',
      'ReplaceRoute',
      'DeleteRoute',
      'StartInstances',
    ].includes(fix.action)) ||
  (fix.api === 'nsx' &&
    /\/(gateway-policies\/default\/rules|security-policies\/[^/]+\/rules|tier-1s\/cgw\/segments)\/[^/]+$/.test(fix.action)) ||
  (fix.api === 'vsphere' && fix.action.includes('power?action=start'));
