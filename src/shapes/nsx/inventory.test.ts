// Rules, segments, VMs/VIFs and linked VPCs: real payloads read into the world's shape and written back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleFromJson, ruleJson, ruleJsonSchema } from './rules';
import { segmentFromJson, segmentJson, segmentJsonSchema } from './segments';
import { addVif, vifFromJson, vifJsonSchema, virtualMachineJsonSchema, vmFromJson } from './vms';
import { activeEniOf, linkedVpcJsonSchema, namedCrossLinkEnis } from './linked-vpcs';

const real = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'real', 'nsx', `${name}.json`), 'utf8'));

describe('NSX inventory shapes on real payloads', () => {
  it('a captured VMC gateway rule keeps its rule_id and drops profiles ANY, and writes back', () => {
    const r = ruleFromJson(ruleJsonSchema.parse(real('salt-mgw-gateway-rule')), 1);
    expect(r).toMatchObject({
      ruleId: 1015,
      path: '/infra/domains/mgw/gateway-policies/default/rules/vCenter_Inbound_Rule',
      ipProtocol: 'IPV4_IPV6',
    });
    expect(r.profiles).toBeUndefined();
    expect(ruleFromJson(ruleJsonSchema.parse(ruleJson(r)), 1)).toEqual(r);
  });

  it('a captured VMC segment reads with its network and writes back', () => {
    const s = segmentFromJson(segmentJsonSchema.parse(real('salt-cgw-segment-routed')));
    expect(s).toMatchObject({
      type: 'ROUTED',
      connectivity: 'ON',
      subnets: [{ network: '192.168.1.0/24', dhcpRanges: ['192.168.1.2-192.168.1.254'] }],
    });
    expect(segmentFromJson(segmentJsonSchema.parse(segmentJson(s)))).toEqual(s);
  });

  it('an IPv6 gateway without network gets its network derived', () => {
    const s = segmentFromJson(
      segmentJsonSchema.parse({ id: 's', subnets: [{ gateway_address: '10.0.0.1/24' }, { gateway_address: '2001:db8:1:2::1/64' }] }),
    );
    expect(s.ipv6Subnets).toEqual([{ gatewayAddress: '2001:db8:1:2::1/64', network: '2001:db8:1:2::/64' }]);
  });

  it('a realized VM and its VIF (uonsx captures) give the VM its IPv4 address and keep the VIF', () => {
    const vm = vmFromJson(virtualMachineJsonSchema.parse(real('uonsx-realized-vm')));
    addVif(vm, vifFromJson(vifJsonSchema.parse({ ...real('uonsx-vif'), owner_vm_id: vm.externalId })));
    expect([vm.ipAddresses, vm.vifs!.map((v) => [v.externalId, v.macAddress, v.ipAddresses])]).toEqual([
      ['172.16.20.10'],
      [['5006d98a-352f-134f-df6b-33e7f8d5de65-4000', '00:50:56:86:f2:b2', ['172.16.20.10', 'fe80::250:56ff:fe86:f2b2']]],
    ]);
  });

  it('linked-vpcs: active_eni first, else traffic_group_eni_mappings[0].eni; every named ENI listed once', () => {
    const base = { linked_vpc_id: 'vpc-0a1b2c3d' };
    const older = linkedVpcJsonSchema.parse({ ...base, active_eni: 'eni-0aaa', traffic_group_eni_mappings: [{ eni: 'eni-0bbb' }] });
    const newer = linkedVpcJsonSchema.parse({
      ...base,
      traffic_group_eni_mappings: [{ eni: 'eni-0bbb' }, { eni: 'eni-0ccc' }, { eni: 'eni-0bbb' }],
    });
    expect([activeEniOf(older), activeEniOf(newer), namedCrossLinkEnis(older), namedCrossLinkEnis(newer)]).toEqual([
      'eni-0aaa',
      'eni-0bbb',
      ['eni-0aaa', 'eni-0bbb'],
      ['eni-0bbb', 'eni-0ccc'],
    ]);
  });
});
