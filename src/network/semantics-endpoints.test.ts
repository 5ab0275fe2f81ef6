// Semantic table, the endpoints (design §2 steps 7 and 8): the VM's segment (connected, routed, holding
// its address), the VM's power state, the instance's state, and guest firewalls on either end.
import { associateRouteTable, createRouteTable, patchSegment, setVmPowerState, stopInstances, type GuestFirewall } from '../world';
import { evaluate } from './evaluate';
import {
  blocked,
  buildTopology,
  runCase,
  vmExternalId,
  type SemanticCase,
  type Topology,
  type TopologyOptions,
} from './test-support/topology';

const dropIcmp: GuestFirewall = { defaultInbound: 'allow', rules: [{ action: 'drop', protocol: 'icmp' }] };
const httpsOnly: GuestFirewall = { defaultInbound: 'drop', rules: [{ action: 'allow', protocol: 'tcp', port: 443 }] };
const icmpFromSegmentOnly: GuestFirewall = {
  defaultInbound: 'drop',
  rules: [{ action: 'allow', protocol: 'icmp', sourceCidr: '192.168.10.0/24' }],
};
const icmpFromVpcOnly: GuestFirewall = {
  defaultInbound: 'drop',
  rules: [{ action: 'allow', protocol: 'icmp', sourceCidr: '10.0.0.0/16' }],
};

const vmId = vmExternalId('vm-a');
const instanceId = (t: Topology, name = 'ec2-a'): string => t.instances[name]!.instanceId;
const disconnected: TopologyOptions = { segmentConnectivity: 'OFF' };
const tableOfOtherSubnet = (t: Topology): string =>
  [...t.world.ec2.routeTables.values()].find((rt) => rt.associations.some((a) => a.subnetId === t.otherSubnet.subnetId))!.routeTableId;

const cases: SemanticCase[] = [
  // Segment.
  {
    name: 'segment disconnected: EC2 → VM is blocked at the route, which VMC withdrew from the main table',
    topology: disconnected,
    flow: (t) => t.toVm('ec2-a'),
    expected: (t) => blocked('SEGMENT_DISCONNECTED', 'forward', t.mainRouteTable.routeTableId),
  },
  {
    name: 'segment disconnected: VM → EC2 is blocked at the segment',
    topology: disconnected,
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('SEGMENT_DISCONNECTED', 'forward', t.segment.path),
  },
  {
    name: 'segment disconnected after the fact (PATCH connectivity OFF): EC2 → VM is blocked at the route',
    setup: (t) => void patchSegment(t.world, t.segment.id, { connectivity: 'OFF' }),
    flow: (t) => t.toVm('ec2-a'),
    expected: (t) => blocked('SEGMENT_DISCONNECTED', 'forward', t.mainRouteTable.routeTableId),
  },
  {
    name: 'segment reconnected: EC2 → VM is reachable again',
    topology: disconnected,
    setup: (t) => void patchSegment(t.world, t.segment.id, { connectivity: 'ON' }),
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'segment disconnected, seen from a custom route table VMC never managed: EC2 → VM has no route there',
    topology: { ...disconnected, instances: { far: { subnet: 'other' } } },
    setup: (t) =>
      associateRouteTable(t.world, {
        routeTableId: createRouteTable(t.world, { vpcId: t.vpc.vpcId }).routeTableId,
        subnetId: t.otherSubnet.subnetId,
      }),
    flow: (t) => t.toVm('far'),
    expected: (t) => blocked('NO_ROUTE', 'forward', tableOfOtherSubnet(t)),
  },
  {
    name: 'a VM whose address lies on no segment: VM → EC2 has no route out of the SDDC',
    topology: { vms: { 'vm-lost': { ip: '192.168.99.10' } } },
    flow: (t) => t.fromVm('ec2-a', { vm: 'vm-lost' }),
    expected: blocked('NO_ROUTE', 'forward', vmExternalId('vm-lost')),
  },
  {
    name: 'a VM whose address lies on no segment: EC2 → VM has no route in the VPC',
    topology: { vms: { 'vm-lost': { ip: '192.168.99.10' } } },
    flow: (t) => t.toVm('ec2-a', { vm: 'vm-lost' }),
    expected: (t) => blocked('NO_ROUTE', 'forward', t.mainRouteTable.routeTableId),
  },

  // VM power state.
  {
    name: 'VM powered off: EC2 → VM is blocked at the VM',
    topology: { vm: { powerState: 'VM_STOPPED' } },
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('VM_POWERED_OFF', 'forward', vmId),
  },
  {
    name: 'VM powered off: VM → EC2 is blocked at the VM',
    topology: { vm: { powerState: 'VM_STOPPED' } },
    flow: (t) => t.fromVm('ec2-a'),
    expected: blocked('VM_POWERED_OFF', 'forward', vmId),
  },
  {
    name: 'VM suspended (through vCenter): EC2 → VM is blocked at the VM',
    setup: (t) => setVmPowerState(t.world, vmId, 'VM_SUSPENDED'),
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('VM_POWERED_OFF', 'forward', vmId),
  },

  // Instance state.
  {
    name: 'instance stopped: EC2 → VM is blocked at the instance',
    setup: (t) => stopInstances(t.world, [instanceId(t)]),
    flow: (t) => t.toVm('ec2-a'),
    expected: (t) => blocked('INSTANCE_NOT_RUNNING', 'forward', instanceId(t)),
  },
  {
    name: 'instance stopped: VM → EC2 is blocked at the instance',
    setup: (t) => stopInstances(t.world, [instanceId(t)]),
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('INSTANCE_NOT_RUNNING', 'forward', instanceId(t)),
  },

  // Guest firewalls (inbound, on the destination).
  {
    name: 'guest firewall on the VM dropping ICMP: EC2 → VM is blocked in the guest',
    topology: { vm: { guestFirewall: dropIcmp } },
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('GUEST_FIREWALL_DROP', 'forward', vmId),
    matched: { kind: 'guest-firewall', id: 'rule 1' },
  },
  {
    name: 'guest firewall on the VM dropping ICMP does not affect VM → EC2 (it filters inbound only)',
    topology: { vm: { guestFirewall: dropIcmp } },
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'guest firewall on the instance dropping ICMP: VM → EC2 is blocked in the guest',
    topology: { instances: { 'ec2-a': { guestFirewall: dropIcmp } } },
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('GUEST_FIREWALL_DROP', 'forward', instanceId(t)),
  },
  {
    name: 'guest firewall on the instance allowing only TCP 443: a ping falls to its default drop',
    topology: { instances: { 'ec2-a': { guestFirewall: httpsOnly } } },
    flow: (t) => t.fromVm('ec2-a'),
    expected: (t) => blocked('GUEST_FIREWALL_DROP', 'forward', instanceId(t)),
    matched: { kind: 'guest-firewall', id: 'default' },
  },
  {
    name: 'guest firewall on the instance allowing only TCP 443: TCP 443 from the VM is reachable',
    topology: { instances: { 'ec2-a': { guestFirewall: httpsOnly } } },
    flow: (t) => t.fromVm('ec2-a', { protocol: 'tcp', port: 443 }),
    expected: 'reachable',
  },
  {
    name: 'guest firewall allowing ICMP from the segment only: VM → EC2 is reachable',
    topology: { instances: { 'ec2-a': { guestFirewall: icmpFromSegmentOnly } } },
    flow: (t) => t.fromVm('ec2-a'),
    expected: 'reachable',
  },
  {
    name: 'guest firewall on the VM allowing ICMP from the segment only: EC2 → VM is blocked in the guest',
    topology: { vm: { guestFirewall: icmpFromSegmentOnly } },
    flow: (t) => t.toVm('ec2-a'),
    expected: blocked('GUEST_FIREWALL_DROP', 'forward', vmId),
  },
  {
    name: 'guest firewall on the VM allowing ICMP from the VPC: EC2 → VM is reachable',
    topology: { vm: { guestFirewall: icmpFromVpcOnly } },
    flow: (t) => t.toVm('ec2-a'),
    expected: 'reachable',
  },
];

describe('endpoint semantics', () => {
  test.each(cases)('$name', (c) => {
    const r = runCase(c);
    expect(r.outcome).toEqual(r.expected);
    if (r.matched) expect(r.matched.actual).toBe(r.matched.expected);
  });

  test('segment disconnected: the EC2 → VM block is recorded on the route hop, VM → EC2 on the segment hop', () => {
    const t = buildTopology(disconnected);
    const out = evaluate(t.world, t.toVm('ec2-a'));
    const back = evaluate(t.world, t.fromVm('ec2-a'));
    expect(out.hops[out.blockedBy!.hopIndex]!.kind).toBe('route');
    expect(back.hops[back.blockedBy!.hopIndex]!.kind).toBe('segment');
  });

  test('a stopped instance is the first hop checked on EC2 → VM, and checked after the VPC route on VM → EC2', () => {
    const t = buildTopology();
    stopInstances(t.world, [t.instances['ec2-a']!.instanceId]);
    expect(evaluate(t.world, t.toVm('ec2-a')).blockedBy?.hopIndex).toBe(0);
    const back = evaluate(t.world, t.fromVm('ec2-a'));
    expect(back.hops.map((h) => h.kind)).toEqual([
      'vm-power',
      'dfw',
      'segment',
      'cgw',
      'sddc-route',
      'eni-sg-egress',
      'route',
      'instance-state',
    ]);
  });
});
