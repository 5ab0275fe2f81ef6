// World → LabPlan: pure and deterministic. Nodes for the instances (not terminated) and the VMs (with an
// IPv4 address), a VPC router, an SDDC edge, their links, addresses, routes and nftables rulesets (see
// lab-topology.ts, compile-routes.ts, compile-vpc-filters.ts, compile-edge-filters.ts,
// compile-guest-firewall.ts, compile-dfw.ts). A stopped instance or powered-off VM keeps its node with its interface down.
// Windows nodes (platform windows, a Windows guest OS) take their source ports from Windows' dynamic range.
import type { World } from '../world';
import type { LabPlan, LinkPlan, NamespacePlan } from './plan';
import { sddcEdgeName, vpcRouterName, windowsLocalPorts } from './plan';
import { crossLinkIfname, labTopology, nodeIfname } from './lab-topology';
import { instanceRoutes, sddcEdgeRouting, vmRoutes, vpcRouterRouting } from './compile-routes';
import { vpcRouterNft } from './compile-vpc-filters';
import { sddcEdgeNft } from './compile-edge-filters';
import { guestFirewallNft } from './compile-guest-firewall';
import { dfwChains } from './compile-dfw';
import { nameTag } from '../world';

export function compilePlan(world: World): LabPlan {
  const topo = labTopology(world);
  const links: LinkPlan[] = [];
  const namespaces: NamespacePlan[] = [];

  const vpc = vpcRouterRouting(world, topo);
  const routerIfs = topo.instances.filter((n) => n.ifname).map((n) => ({ name: n.ifname!, addresses: [`${n.gateway}/32`], up: true }));
  if (topo.crossLink) routerIfs.push({ name: crossLinkIfname, addresses: [`${topo.crossLink.routerIp}/32`], up: true });
  namespaces.push({
    name: vpcRouterName,
    role: 'vpc-router',
    forwarding: true,
    interfaces: routerIfs,
    rules: vpc.rules,
    routes: vpc.routes,
    nft: vpcRouterNft(world, topo),
  });

  const edge = sddcEdgeRouting(world, topo);
  const edgeIfs = topo.vms.map((n) => ({ name: n.ifname, addresses: n.gateway ? [`${n.gateway}/32`] : [], up: true }));
  if (topo.crossLink) edgeIfs.push({ name: crossLinkIfname, addresses: [`${topo.crossLink.eni.privateIpAddress}/32`], up: true });
  namespaces.push({
    name: sddcEdgeName,
    role: 'sddc-edge',
    forwarding: true,
    interfaces: edgeIfs,
    rules: edge.rules,
    routes: edge.routes,
    nft: sddcEdgeNft(world, topo),
  });
  if (topo.crossLink)
    links.push({ a: { namespace: vpcRouterName, ifname: crossLinkIfname }, b: { namespace: sddcEdgeName, ifname: crossLinkIfname } });

  for (const n of topo.instances) {
    const name = nameTag(n.instance.tags) ?? n.instance.instanceId;
    namespaces.push({
      name: n.ns,
      role: 'instance',
      endpoint: { kind: 'instance', instanceId: n.instance.instanceId, name, ip: n.ip, running: n.up },
      forwarding: false,
      interfaces: n.ifname ? [{ name: nodeIfname, addresses: [`${n.ip}/32`], up: n.up }] : [],
      rules: [],
      routes: instanceRoutes(world, topo, n),
      nft: guestFirewallNft(n.instance.guestFirewall),
      ...(n.instance.platform === 'windows' ? { localPorts: windowsLocalPorts } : {}),
    });
    if (n.ifname) links.push({ a: { namespace: vpcRouterName, ifname: n.ifname }, b: { namespace: n.ns, ifname: nodeIfname } });
  }
  for (const n of topo.vms) {
    namespaces.push({
      name: n.ns,
      role: 'vm',
      endpoint: {
        kind: 'vm',
        externalId: n.vm.externalId,
        name: n.vm.displayName,
        ip: n.ip,
        ...(n.vm.managedInstanceId ? { managedInstanceId: n.vm.managedInstanceId } : {}),
        poweredOn: n.up,
      },
      forwarding: false,
      interfaces: [{ name: nodeIfname, addresses: [`${n.ip}/32`], up: n.up }],
      rules: [],
      routes: vmRoutes(world, topo, n),
      nft: guestFirewallNft(n.vm.guestFirewall, dfwChains(world, n.vm)),
      ...(/windows/i.test(n.vm.osName ?? '') ? { localPorts: windowsLocalPorts } : {}),
    });
    links.push({ a: { namespace: sddcEdgeName, ifname: n.ifname }, b: { namespace: n.ns, ifname: nodeIfname } });
  }
  return { namespaces, links };
}
