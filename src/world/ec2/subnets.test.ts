// Unit tests for CreateSubnet / DeleteSubnet: range and conflict checks, default NACL, main route table.
import { looksLikeId } from '../ids';
import { expectWorldError, newWorldWithVpc } from '../test-support';
import { createSubnet, deleteSubnet, describeSubnets, getSubnet } from './subnets';
import { networkAclForSubnet } from './network-acls';
import { associateRouteTable, createRouteTable, routeTableForSubnet } from './route-tables';
import { createNetworkInterface } from './network-interfaces';
import { runInstances, terminateInstances } from './instances';

describe('createSubnet', () => {
  it('returns an available subnet in the VPC with a real-looking id and the default AZ', () => {
    const { world, vpc } = newWorldWithVpc();
    const s = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    expect(looksLikeId('subnet', s.subnetId)).toBe(true);
    expect(s).toMatchObject({
      vpcId: vpc.vpcId,
      cidrBlock: '10.0.2.0/24',
      availabilityZone: 'us-west-2a',
      state: 'available',
      ownerId: world.accountId,
    });
    expect(getSubnet(world, s.subnetId)).toBe(s);
  });

  it('keeps the availability zone given', () => {
    const { world, vpc } = newWorldWithVpc();
    expect(createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-west-2c' }).availabilityZone).toBe(
      'us-west-2c',
    );
  });

  it('associates the new subnet with the default network ACL', () => {
    const { world, vpc } = newWorldWithVpc();
    const s = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    const acl = networkAclForSubnet(world, s.subnetId)!;
    expect(acl.isDefault).toBe(true);
    expect(acl.vpcId).toBe(vpc.vpcId);
    expect(acl.associations.filter((a) => a.subnetId === s.subnetId)).toEqual([
      { networkAclAssociationId: expect.stringMatching(/^aclassoc-[0-9a-f]{17}$/), networkAclId: acl.networkAclId, subnetId: s.subnetId },
    ]);
  });

  it('uses the main route table (implicitly: no explicit association is made)', () => {
    const { world, vpc, mainTable } = newWorldWithVpc();
    const s = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    expect(routeTableForSubnet(world, s.subnetId)).toBe(mainTable);
    expect(mainTable.associations.some((a) => a.subnetId === s.subnetId)).toBe(false);
  });

  it('rejects a CIDR outside the VPC with InvalidSubnet.Range', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.1.0.0/24' }), {
      code: 'InvalidSubnet.Range',
      message: "The CIDR '10.1.0.0/24' is invalid.",
    });
  });

  it('rejects a CIDR larger than the VPC with InvalidSubnet.Range', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.0.0/15' }), {
      code: 'InvalidSubnet.Range',
      message: "The CIDR '10.0.0.0/15' is invalid.",
    });
  });

  it('rejects a block smaller than /28 with InvalidSubnet.Range', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.9.0/29' }), {
      code: 'InvalidSubnet.Range',
      message: "The CIDR '10.0.9.0/29' is invalid.",
    });
  });

  it('rejects a CIDR overlapping a sibling subnet with InvalidSubnet.Conflict', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.1.128/25' }), {
      code: 'InvalidSubnet.Conflict',
      message: "The CIDR '10.0.1.128/25' conflicts with another subnet",
    });
    expectWorldError(world, () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.0.0/23' }), {
      code: 'InvalidSubnet.Conflict',
      message: 'conflicts with another subnet',
    });
  });

  it('rejects a malformed CIDR with InvalidParameterValue', () => {
    const { world, vpc } = newWorldWithVpc();
    expectWorldError(world, () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0' }), {
      code: 'InvalidParameterValue',
      message: 'Value (10.0.2.0) for parameter cidrBlock is invalid',
    });
  });

  it('rejects an unknown VPC with InvalidVpcID.NotFound', () => {
    const { world } = newWorldWithVpc();
    expectWorldError(world, () => createSubnet(world, { vpcId: 'vpc-00000000000000000', cidrBlock: '10.0.2.0/24' }), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-00000000000000000' does not exist",
    });
  });
});

describe('describeSubnets', () => {
  it('fails on an unknown id with InvalidSubnetID.NotFound', () => {
    const { world } = newWorldWithVpc();
    expectWorldError(world, () => describeSubnets(world, ['subnet-00000000000000000']), {
      code: 'InvalidSubnetID.NotFound',
      message: "The subnet ID 'subnet-00000000000000000' does not exist",
    });
  });
});

describe('deleteSubnet', () => {
  it('removes the subnet and its NACL association', () => {
    const { world, subnet } = newWorldWithVpc();
    deleteSubnet(world, subnet.subnetId);
    expect(describeSubnets(world)).toEqual([]);
    expect(networkAclForSubnet(world, subnet.subnetId)).toBeUndefined();
  });

  it('removes an explicit route table association with the subnet', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const table = createRouteTable(world, { vpcId: vpc.vpcId });
    associateRouteTable(world, { routeTableId: table.routeTableId, subnetId: subnet.subnetId });
    deleteSubnet(world, subnet.subnetId);
    expect(table.associations).toEqual([]);
  });

  it('is refused with DependencyViolation while an ENI lives in the subnet', () => {
    const { world, subnet } = newWorldWithVpc();
    createNetworkInterface(world, { subnetId: subnet.subnetId });
    expectWorldError(world, () => deleteSubnet(world, subnet.subnetId), {
      code: 'DependencyViolation',
      message: `The subnet '${subnet.subnetId}' has dependencies and cannot be deleted.`,
    });
  });

  it('succeeds once the only instance in the subnet is terminated', () => {
    const { world, subnet } = newWorldWithVpc();
    const inst = runInstances(world, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.subnetId });
    terminateInstances(world, [inst.instanceId]);
    deleteSubnet(world, subnet.subnetId);
    expect(describeSubnets(world)).toEqual([]);
  });
});
