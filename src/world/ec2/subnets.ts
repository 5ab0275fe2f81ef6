// Subnet operations. A subnet must lie inside its VPC and not overlap a sibling; it is associated with
// the VPC's default network ACL and, implicitly, with the main route table.
import { ec2Error } from '../errors';
import { cidrContains, cidrsOverlap, formatCidr, isIpv4Cidr, parseCidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import { getVpc, vpcCidrs } from './vpcs';
import { settleInstances } from './instance-lifecycle';
import type { Subnet } from './types';

export interface CreateSubnetInput {
  vpcId: string;
  cidrBlock: string;
  availabilityZone?: string;
  tags?: Tag[];
}

export function createSubnet(world: World, input: CreateSubnetInput): Subnet {
  const vpc = getVpc(world, input.vpcId);
  if (!isIpv4Cidr(input.cidrBlock))
    throw ec2Error(
      'InvalidParameterValue',
      `Value (${input.cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`,
    );
  const cidr = parseCidr(input.cidrBlock);
  if (!vpcCidrs(vpc).some((c) => cidrContains(parseCidr(c), cidr)) || cidr.prefix > 28) {
    throw ec2Error('InvalidSubnet.Range', `The CIDR '${input.cidrBlock}' is invalid.`);
  }
  for (const s of world.ec2.subnets.values()) {
    if (s.vpcId === vpc.vpcId && cidrsOverlap(parseCidr(s.cidrBlock), cidr)) {
      throw ec2Error('InvalidSubnet.Conflict', `The CIDR '${input.cidrBlock}' conflicts with another subnet`);
    }
  }
  const subnet: Subnet = {
    subnetId: world.ids.next('subnet'),
    vpcId: vpc.vpcId,
    ownerId: world.accountId,
    cidrBlock: formatCidr(cidr),
    availabilityZone: input.availabilityZone ?? `${world.region}a`,
    state: 'available',
    tags: [...(input.tags ?? [])],
  };
  world.ec2.subnets.set(subnet.subnetId, subnet);
  const defaultAcl = [...world.ec2.networkAcls.values()].find((a) => a.vpcId === vpc.vpcId && a.isDefault);
  defaultAcl?.associations.push({
    networkAclAssociationId: world.ids.next('aclassoc'),
    networkAclId: defaultAcl.networkAclId,
    subnetId: subnet.subnetId,
  });
  world.touch();
  return subnet;
}

export const getSubnet = (world: World, subnetId: string): Subnet =>
  mustGet(world.ec2.subnets, subnetId, 'InvalidSubnetID.NotFound', 'subnet ID');

export function describeSubnets(world: World, subnetIds: readonly string[] = []): Subnet[] {
  if (subnetIds.length === 0) return [...world.ec2.subnets.values()];
  return subnetIds.map((id) => getSubnet(world, id));
}

export function deleteSubnet(world: World, subnetId: string): void {
  settleInstances(world);
  getSubnet(world, subnetId);
  for (const eni of world.ec2.networkInterfaces.values()) {
    if (eni.subnetId === subnetId)
      throw ec2Error('DependencyViolation', `The subnet '${subnetId}' has dependencies and cannot be deleted.`);
  }
  world.ec2.subnets.delete(subnetId);
  for (const acl of world.ec2.networkAcls.values()) acl.associations = acl.associations.filter((a) => a.subnetId !== subnetId);
  for (const rt of world.ec2.routeTables.values()) rt.associations = rt.associations.filter((a) => a.subnetId !== subnetId);
  world.touch();
}
