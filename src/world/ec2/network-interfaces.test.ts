// Unit tests for ENI operations and the private address allocation shared with RunInstances.
import { looksLikeId } from '../ids';
import { expectWorldError, newWorldWithVpc } from '../test-support';
import {
  allocatePrivateIp,
  createNetworkInterface,
  deleteNetworkInterface,
  describeNetworkInterfaces,
  getNetworkInterface,
  modifyNetworkInterfaceGroups,
} from './network-interfaces';
import { createSecurityGroup } from './security-groups';
import { createSubnet } from './subnets';
import { createVpc, defaultSecurityGroup } from './vpcs';
import { createRoute } from './route-tables';

describe('allocatePrivateIp', () => {
  it('starts at network + 4 (AWS reserves the first four addresses)', () => {
    const { world, subnet } = newWorldWithVpc();
    expect(allocatePrivateIp(world, subnet.subnetId)).toBe('10.0.1.4');
  });

  it('skips addresses held by ENIs of the subnet', () => {
    const { world, subnet } = newWorldWithVpc();
    createNetworkInterface(world, { subnetId: subnet.subnetId });
    createNetworkInterface(world, { subnetId: subnet.subnetId, privateIpAddress: '10.0.1.5' });
    expect(allocatePrivateIp(world, subnet.subnetId)).toBe('10.0.1.6');
  });

  it('is not affected by ENIs of another subnet', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const other = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    createNetworkInterface(world, { subnetId: other.subnetId });
    expect(allocatePrivateIp(world, subnet.subnetId)).toBe('10.0.1.4');
  });

  it('accepts the last usable address (broadcast - 1) and refuses the reserved ones', () => {
    const { world, subnet } = newWorldWithVpc();
    expect(allocatePrivateIp(world, subnet.subnetId, '10.0.1.254')).toBe('10.0.1.254');
    for (const reserved of ['10.0.1.0', '10.0.1.1', '10.0.1.3', '10.0.1.255']) {
      expectWorldError(world, () => allocatePrivateIp(world, subnet.subnetId, reserved), {
        code: 'InvalidParameterValue',
        message: `Address ${reserved} does not fall within the subnet's address range`,
      });
    }
  });

  it('refuses a malformed address with InvalidParameterValue', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(world, () => allocatePrivateIp(world, subnet.subnetId, '10.0.1'), {
      code: 'InvalidParameterValue',
      message: "Invalid private IP address '10.0.1'.",
    });
  });

  it('reports a full subnet with InsufficientFreeAddressesInSubnet', () => {
    const { world, vpc } = newWorldWithVpc();
    const tiny = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.9.0/28' });
    for (let i = 0; i < 11; i++) createNetworkInterface(world, { subnetId: tiny.subnetId });
    expectWorldError(world, () => createNetworkInterface(world, { subnetId: tiny.subnetId }), {
      code: 'InsufficientFreeAddressesInSubnet',
      message: `There are not enough free addresses in subnet '${tiny.subnetId}'`,
    });
  });
});

describe('createNetworkInterface', () => {
  it('returns an available ENI with a real-looking id wearing the default SG', () => {
    const { world, vpc, subnet, defaultSg } = newWorldWithVpc();
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId, description: 'probe' });
    expect(looksLikeId('eni', eni.networkInterfaceId)).toBe(true);
    expect(eni).toMatchObject({
      subnetId: subnet.subnetId,
      vpcId: vpc.vpcId,
      availabilityZone: subnet.availabilityZone,
      privateIpAddress: '10.0.1.4',
      groupIds: [defaultSg.groupId],
      status: 'available',
      description: 'probe',
      requesterManaged: false,
    });
    expect(eni.attachment).toBeUndefined();
  });

  it('rejects an address in use with InvalidIPAddress.InUse', () => {
    const { world, subnet } = newWorldWithVpc();
    createNetworkInterface(world, { subnetId: subnet.subnetId, privateIpAddress: '10.0.1.20' });
    expectWorldError(world, () => createNetworkInterface(world, { subnetId: subnet.subnetId, privateIpAddress: '10.0.1.20' }), {
      code: 'InvalidIPAddress.InUse',
      message: 'Address 10.0.1.20 is in use.',
    });
  });

  it('rejects an address outside the subnet with InvalidParameterValue', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(world, () => createNetworkInterface(world, { subnetId: subnet.subnetId, privateIpAddress: '192.168.100.10' }), {
      code: 'InvalidParameterValue',
      message: "Address 192.168.100.10 does not fall within the subnet's address range",
    });
  });

  it('rejects a security group of another VPC with InvalidParameter', () => {
    const { world, subnet } = newWorldWithVpc();
    const foreign = defaultSecurityGroup(world, createVpc(world, { cidrBlock: '172.31.0.0/16' }).vpcId);
    expectWorldError(world, () => createNetworkInterface(world, { subnetId: subnet.subnetId, groupIds: [foreign.groupId] }), {
      code: 'InvalidParameter',
      message: 'belong to different networks',
    });
  });

  it('rejects an unknown security group with InvalidGroup.NotFound', () => {
    const { world, subnet } = newWorldWithVpc();
    expectWorldError(world, () => createNetworkInterface(world, { subnetId: subnet.subnetId, groupIds: ['sg-00000000000000000'] }), {
      code: 'InvalidGroup.NotFound',
      message: "'sg-00000000000000000' does not exist",
    });
  });
});

describe('modifyNetworkInterfaceGroups', () => {
  it('replaces the ENI security groups', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const sg = createSecurityGroup(world, { groupName: 'CJ-SG', description: 'x', vpcId: vpc.vpcId });
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId });
    modifyNetworkInterfaceGroups(world, eni.networkInterfaceId, [sg.groupId]);
    expect(getNetworkInterface(world, eni.networkInterfaceId).groupIds).toEqual([sg.groupId]);
  });

  it('requires at least one group', () => {
    const { world, subnet } = newWorldWithVpc();
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId });
    expectWorldError(world, () => modifyNetworkInterfaceGroups(world, eni.networkInterfaceId, []), {
      code: 'MissingParameter',
      message: 'At least one security group is required.',
    });
  });

  it('rejects a group of another VPC with InvalidParameter', () => {
    const { world, subnet } = newWorldWithVpc();
    const foreign = defaultSecurityGroup(world, createVpc(world, { cidrBlock: '172.31.0.0/16' }).vpcId);
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId });
    expectWorldError(world, () => modifyNetworkInterfaceGroups(world, eni.networkInterfaceId, [foreign.groupId]), {
      code: 'InvalidParameter',
      message: `Security group ${foreign.groupId} belongs to a different network.`,
    });
  });
});

describe('deleteNetworkInterface', () => {
  it('removes the ENI and frees its address', () => {
    const { world, subnet } = newWorldWithVpc();
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId });
    deleteNetworkInterface(world, eni.networkInterfaceId);
    expect(describeNetworkInterfaces(world)).toEqual([]);
    expect(allocatePrivateIp(world, subnet.subnetId)).toBe(eni.privateIpAddress);
  });

  it('turns routes to the deleted ENI into blackholes', () => {
    const { world, subnet, mainTable } = newWorldWithVpc();
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId });
    createRoute(world, {
      routeTableId: mainTable.routeTableId,
      destinationCidrBlock: '192.168.0.0/16',
      networkInterfaceId: eni.networkInterfaceId,
    });
    deleteNetworkInterface(world, eni.networkInterfaceId);
    expect(mainTable.routes.find((r) => r.destinationCidrBlock === '192.168.0.0/16')).toMatchObject({
      networkInterfaceId: eni.networkInterfaceId,
      state: 'blackhole',
    });
  });

  it('refuses an attached ENI with InvalidNetworkInterface.InUse', () => {
    const { world, subnet } = newWorldWithVpc();
    const eni = createNetworkInterface(world, { subnetId: subnet.subnetId });
    eni.attachment = { attachmentId: 'eni-attach-00000000000000000', deviceIndex: 1, status: 'attached' };
    expectWorldError(world, () => deleteNetworkInterface(world, eni.networkInterfaceId), {
      code: 'InvalidNetworkInterface.InUse',
      message: `Interface: [${eni.networkInterfaceId}] in use.`,
    });
  });

  it('fails on an unknown id with InvalidNetworkInterfaceID.NotFound', () => {
    const { world } = newWorldWithVpc();
    expectWorldError(world, () => deleteNetworkInterface(world, 'eni-00000000000000000'), {
      code: 'InvalidNetworkInterfaceID.NotFound',
      message: "'eni-00000000000000000' does not exist",
    });
  });
});
