// Unit tests for what an SDDC deployment does to the connected VPC: cross-link ENIs, the active one,
// the managed (main) route table and the management CIDR route.
import { expectWorldError, newWorldWithSddc, newWorldWithVpc, routesTo, dumpWorld } from '../test-support';
import { deploySddc } from './deploy-sddc';
import { getLinkedVpc } from './linked-vpc';
import { getNetworkInterface } from '../ec2/network-interfaces';
import { createSubnet } from '../ec2/subnets';
import { createVpc } from '../ec2/vpcs';

describe('deploySddc', () => {
  it('creates one cross-link ENI per host in the chosen subnet', () => {
    const { world, subnet, crossLinkEniIds } = newWorldWithSddc();
    expect(crossLinkEniIds).toHaveLength(2);
    for (const id of crossLinkEniIds) expect(getNetworkInterface(world, id).subnetId).toBe(subnet.subnetId);
  });

  it('dresses the cross-link ENIs in the VPC default SG, described "VMware VMC Interface", attached', () => {
    const { world, defaultSg, crossLinkEniIds } = newWorldWithSddc();
    for (const id of crossLinkEniIds) {
      expect(getNetworkInterface(world, id)).toMatchObject({
        groupIds: [defaultSg.groupId],
        description: 'VMware VMC Interface',
        status: 'in-use',
        attachment: { status: 'attached' },
      });
    }
  });

  it('makes exactly one of them active (the first host by default)', () => {
    const { world, crossLinkEniIds, activeEni } = newWorldWithSddc();
    expect(activeEni).toBe(crossLinkEniIds[0]);
    expect(getLinkedVpc(world).activeEni).toBe(activeEni);
    expect(getLinkedVpc(world).crossLinkEniIds).toEqual(crossLinkEniIds);
  });

  it('activates the ENI of the host asked for', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const d = deploySddc(world, { vpcId: vpc.vpcId, subnetId: subnet.subnetId, hosts: 3, activeHost: 2 });
    expect(d.activeEni).toBe(d.crossLinkEniIds[2]);
  });

  it('links the VPC with its CIDRs and subnets, the main table as the managed route table', () => {
    const { world, vpc, subnet, mainTable } = newWorldWithSddc();
    const linked = getLinkedVpc(world);
    expect(linked).toMatchObject({
      linkedVpcId: vpc.vpcId,
      linkedAccount: world.accountId,
      linkedVpcAddresses: ['10.0.0.0/16'],
      routeTableIds: [mainTable.routeTableId],
    });
    expect(linked.subnets).toEqual([{ id: subnet.subnetId, cidr: '10.0.1.0/24', availabilityZone: subnet.availabilityZone }]);
  });

  it('adds the management CIDR to the main table, pointing at the active ENI', () => {
    const { world, mainTable, activeEni } = newWorldWithSddc();
    expect(routesTo(world, mainTable, '10.2.0.0/16')).toEqual([
      { destinationCidrBlock: '10.2.0.0/16', networkInterfaceId: activeEni, state: 'active', origin: 'CreateRoute' },
    ]);
  });

  it('records the SDDC with its reverse-proxy NSX URL', () => {
    const { world, sddc } = newWorldWithSddc();
    expect(world.nsx.sddc).toEqual(sddc);
    expect(sddc.nsxApiPublicEndpointUrl).toBe(
      `https://nsx-10-2-0-4.rp.vmwarevmc.com/vmc/reverse-proxy/api/orgs/${sddc.orgId}/sddcs/${sddc.id}/sks-nsxt-manager`,
    );
    expect(sddc.sddcState).toBe('READY');
  });

  it('leaves a subnet not chosen without cross-link ENIs', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const other = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    const d = deploySddc(world, { vpcId: vpc.vpcId, subnetId: subnet.subnetId });
    expect(d.crossLinkEniIds.map((id) => getNetworkInterface(world, id).subnetId)).not.toContain(other.subnetId);
  });

  it('refuses an active host that does not exist, and changes nothing', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const before = dumpWorld(world);
    expect(() => deploySddc(world, { vpcId: vpc.vpcId, subnetId: subnet.subnetId, hosts: 2, activeHost: 2 })).toThrow(
      new RangeError('activeHost 2 is not one of the 2 hosts'),
    );
    expect(dumpWorld(world)).toEqual(before);
  });

  it('refuses a subnet of another VPC, and changes nothing', () => {
    const { world, subnet } = newWorldWithVpc();
    const other = createVpc(world, { cidrBlock: '172.31.0.0/16' });
    const before = dumpWorld(world);
    expect(() => deploySddc(world, { vpcId: other.vpcId, subnetId: subnet.subnetId })).toThrow(
      new RangeError(`subnet ${subnet.subnetId} is not in ${other.vpcId}`),
    );
    expect(dumpWorld(world)).toEqual(before);
  });

  it('fails for an unknown VPC with InvalidVpcID.NotFound', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(world, () => deploySddc(world, { vpcId: 'vpc-00000000000000000', subnetId: subnet.subnetId }), {
      code: 'InvalidVpcID.NotFound',
      message: "'vpc-00000000000000000' does not exist",
    });
  });
});
