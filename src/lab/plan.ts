// The lab plan: what the lab builds, as plain JSON (it crosses the RPC to the lab process). One network
// namespace per EC2 instance, SDDC VM and router; veth links between them; per namespace the addresses,
// policy-routing rules, routes and one nftables ruleset. Compiled from a World by compile-plan.ts, realized
// by a backend (netns-backend.ts). `structure` parts (namespaces, interfaces, links, rules) need a rebuild
// when they change; `policy` parts (addresses, link state, routes, nft) are replaced in place by apply.

export type NamespaceRole = 'instance' | 'vm' | 'vpc-router' | 'sddc-edge';

/** The endpoint a node stands for. */
export type NodeEndpoint =
  | { kind: 'instance'; instanceId: string; name: string; ip: string; running: boolean }
  | { kind: 'vm'; externalId: string; name: string; ip: string; managedInstanceId?: string; poweredOn: boolean };

export interface InterfacePlan {
  name: string;
  /** CIDRs (policy). */
  addresses: string[];
  /** Administrative state (policy): a stopped instance or powered-off VM has its interface down. */
  up: boolean;
}

/** A policy-routing rule (structure). `lookup` consults `table`; `blackhole` ends the lookup. */
export interface RulePlan {
  pref: number;
  iif?: string;
  action: 'lookup' | 'blackhole';
  table?: number;
}

/** One route (policy). `throw` hands the lookup on to the next rule (the VPC's local route). */
export interface RoutePlan {
  table: number | 'main';
  prefix: string;
  type: 'unicast' | 'blackhole' | 'throw';
  dev?: string;
  via?: string;
  /** Where the route comes from, for reading a plan (`rtb-… 192.168.10.0/24 → eni-…`). */
  comment?: string;
}

export interface NamespacePlan {
  /** Stable name: the instance id, the VM's external id, `vpc-router` or `sddc-edge`. */
  name: string;
  role: NamespaceRole;
  endpoint?: NodeEndpoint;
  forwarding: boolean;
  interfaces: InterfacePlan[];
  rules: RulePlan[];
  routes: RoutePlan[];
  /** The namespace's nftables table `inet vmc_reach` (full text), or null for none. */
  nft: string | null;
  /**
   * The ephemeral source ports the node's kernel picks from (`net.ipv4.ip_local_port_range`): Windows'
   * dynamic range 49152-65535 on Windows nodes; unset keeps Linux's 32768-60999.
   */
  localPorts?: [number, number];
}

export interface LinkEnd {
  namespace: string;
  ifname: string;
}

/** A veth pair. */
export interface LinkPlan {
  a: LinkEnd;
  b: LinkEnd;
}

export interface LabPlan {
  namespaces: NamespacePlan[];
  links: LinkPlan[];
}

export const vpcRouterName = 'vpc-router';
export const sddcEdgeName = 'sddc-edge';
/** The nftables table every namespace's ruleset lives in. */
export const nftTable = 'inet vmc_reach';
/** Windows' dynamic port range (the source ports of its connections). */
export const windowsLocalPorts: [number, number] = [49152, 65535];

/** What needs a rebuild when it changes. */
export function structureKey(plan: LabPlan): string {
  return JSON.stringify({
    namespaces: plan.namespaces.map((n) => ({
      name: n.name,
      role: n.role,
      forwarding: n.forwarding,
      interfaces: n.interfaces.map((i) => i.name),
      rules: n.rules,
      localPorts: n.localPorts,
    })),
    links: plan.links,
  });
}

/** What apply replaces in place, per namespace. */
export function policyKey(ns: NamespacePlan): string {
  return JSON.stringify({ interfaces: ns.interfaces, routes: ns.routes, nft: ns.nft });
}

/** Finds the node a reference names: namespace name, instance id, VM external id, SSM managed instance id, Name / display name or IP. */
export function findNode(plan: LabPlan, ref: string): NamespacePlan | undefined {
  const nodes = plan.namespaces.filter((n) => n.endpoint);
  const byKey = plan.namespaces.find((n) => n.name === ref);
  if (byKey) return byKey;
  return (
    nodes.find((n) => n.endpoint!.kind === 'vm' && n.endpoint!.managedInstanceId === ref) ??
    nodes.find((n) => n.endpoint!.name === ref) ??
    nodes.find((n) => n.endpoint!.ip === ref)
  );
}
