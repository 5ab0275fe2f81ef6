// Segments, realized VMs/VIFs and the linked VPC on real payloads: a VMC segment capture made dual stack,
// a VLAN segment whose `type` and `connectivity` disagree, VIFs without addresses, a powered-off VM
// without VIF, the NSX doc's dual-stack VIF, and the cross-link ENIs as VMC describes them.
import { caseB, cgwRule, load, outcome, real, splice, toVm } from './test-support/real-nsx';
import { caseBFiles, editJson, type Json } from '../snapshot/test-support';

const allowAll = [cgwRule('all', {})];

describe('segments', () => {
  const dualStack = (segments: Json[]): Json[] => {
    const salt = real('salt-cgw-segment-routed');
    const cj = segments[0];
    return [{ ...salt, id: cj.id, path: cj.path, subnets: [...cj.subnets, { gateway_address: '2001:db8:100::1/64' }] }];
  };
  it('a dual-stack segment (one IPv4, one IPv6 subnet) loads; the IPv6 subnet is kept apart', () => {
    const { world } = load(splice({ segments: dualStack }));
    const seg = [...world.nsx.segments.values()][0]!;
    expect([seg.subnets.map((s) => s.network), seg.ipv6Subnets!.map((s) => s.network)]).toEqual([
      ['192.168.100.0/24'],
      ['2001:db8:100::/64'],
    ]);
  });
  it('an IPv4 flow to a VM on a dual-stack segment ignores the IPv6 subnet', () => {
    expect(outcome(toVm(load(splice({ segments: dualStack, rules: allowAll })).world))).toEqual({
      status: 'reachable',
      code: null,
      assumptions: [],
    });
  });
  it("a real segment's type and connectivity load as given (DISCONNECTED with connectivity ON, no subnets)", () => {
    const uonsx = real('uonsx-segment-disconnected-type');
    const { world } = load(splice({ segments: (s) => [...s, uonsx] }));
    expect(world.nsx.segments.get(uonsx.id)).toMatchObject({ type: 'DISCONNECTED', connectivity: 'ON', subnets: [] });
  });
});

describe('realized VMs and VIFs', () => {
  it('a VIF without ip_address_info loads: the VM has no IPv4 address', () => {
    const vif = { ...real('uonsx-vif'), owner_vm_id: caseB.vm };
    delete vif.ip_address_info;
    const vm = load(splice({ vifs: () => [vif] })).world.nsx.vms.get(caseB.vm)!;
    expect([vm.ipAddresses, vm.vifs!.map((v) => v.macAddress)]).toEqual([[], ['00:50:56:86:f2:b2']]);
  });
  it('a powered-off VM without any VIF loads with no IPv4 address', () => {
    const uonsx = { ...real('uonsx-realized-vm'), power_state: 'VM_STOPPED' };
    const { world } = load(editJson(caseBFiles(), 'nsx/virtual-machines.json', (j) => void j.results.push(uonsx)));
    expect(world.nsx.vms.get(uonsx.external_id)).toMatchObject({
      displayName: 'lctest-guest1',
      powerState: 'VM_STOPPED',
      ipAddresses: [],
      osName: 'Ubuntu Linux (64-bit)',
      computerName: 'lctest-guest1.in.uoregon.edu',
    });
  });
  it("the NSX doc's dual-stack VIF gives the VM its IPv4 address only, and keeps the MAC", () => {
    const vif = { ...real('doc-vifs-on-enforcement-point').results[0], owner_vm_id: caseB.vm };
    const vm = load(splice({ vifs: () => [vif] })).world.nsx.vms.get(caseB.vm)!;
    expect([vm.ipAddresses, vm.vifs![0]!.ipAddresses.length, vm.vifs![0]!.macAddress]).toEqual([['10.161.65.204'], 4, '00:50:56:ab:e4:be']);
  });
  it('a VIF whose VM is not in the data loads with a warning and is ignored', () => {
    const { world, warnings } = load(splice({ vifs: (v) => [...v, real('uonsx-vif')] }));
    expect([warnings.map((w) => w.field), world.nsx.vms.get(caseB.vm)!.ipAddresses]).toEqual([
      ['results[1].owner_vm_id'],
      ['192.168.100.10'],
    ]);
  });
});

describe('cross-link ENIs, as VMC writes them', () => {
  const enis = (edit: (e: Json[]) => void) =>
    editJson(caseBFiles(), 'aws/describe-network-interfaces.json', (j) => void edit(j.NetworkInterfaces));
  const crossLink = (files: Map<string, string>) => load(files).world.nsx.linkedVpc!.crossLinkEniIds;
  const standby = (files: Map<string, string>): string => {
    const l = load(files).world.nsx.linkedVpc!;
    return l.crossLinkEniIds.find((id) => id !== l.activeEni)!;
  };
  it('an ENI described "VMware VMC Interface DO NOT USE" (as the console shows it) is a cross-link ENI', () => {
    const base = caseBFiles();
    const id = standby(base);
    expect(
      crossLink(enis((e) => void (e.find((x) => x.NetworkInterfaceId === id).Description = 'VMware VMC Interface DO NOT USE'))),
    ).toContain(id);
  });
  it('an ENI with another description, not named by linked-vpcs, is not', () => {
    const id = standby(caseBFiles());
    expect(crossLink(enis((e) => void (e.find((x) => x.NetworkInterfaceId === id).Description = 'my app')))).not.toContain(id);
  });
  it('an ENI named in traffic_group_eni_mappings is one whatever its description', () => {
    const id = standby(caseBFiles());
    let files = enis((e) => void (e.find((x) => x.NetworkInterfaceId === id).Description = ''));
    files = editJson(
      files,
      'nsx/linked-vpcs.json',
      (j) =>
        void (j.results[0].traffic_group_eni_mappings = [
          { eni: j.results[0].active_eni, traffic_group_id: 'tg-1' },
          { eni: id, traffic_group_id: 'tg-2' },
        ]),
    );
    expect(crossLink(files)).toContain(id);
  });
});
