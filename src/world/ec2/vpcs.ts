// VPC operations. A new VPC comes with what AWS creates for it: the main route table with the local
// route, the default network ACL (allow all, then the `*` deny) and the default security group
// (inbound from itself, outbound to everywhere; moto lacks the inbound rule).
import { ec2Error } from '../errors';
import { isIpv4Cidr, parseCidr, formatCidr } from '../cidr';
import type { Tag } from '../tags';
import { mustGet, type World } from '../world';
import type { NetworkAcl, RouteTable, SecurityGroup, Vpc } from './types';
import { newRuleId } from './security-group-rules';

export interface CreateVpcInput {
  cidrBlock: string;
  tags?: Tag[];
  isDefault?: boolean;
}

export function createVpc(world: World, input: CreateVpcInput): Vpc {
  if (!isIpv4Cidr(input.cidrBlock))
    throw ec2Error(
      'InvalidParameterValue',
      `Value (${input.cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`,
    );
  const cidr = parseCidr(input.cidrBlock);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw ec2Error('InvalidVpc.Range', `The CIDR '${input.cidrBlock}' is invalid.`);
  const vpc: Vpc = {
    vpcId: world.ids.next('vpc'),
    ownerId: world.accountId,
    cidrBlock: formatCidr(cidr),
    secondaryCidrBlocks: [],
    isDefault: input.isDefault ?? false,
    state: 'available',
    tags: [...(input.tags ?? [])],
  };
  world.ec2.vpcs.set(vpc.vpcId, vpc);

  const main: RouteTable = {
    routeTableId: world.ids.next('rtb'),
    vpcId: vpc.vpcId,
    ownerId: world.accountId,
    routes: [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }],
    associations: [],
    tags: [],
  };
  main.associations.push({ routeTableAssociationId: world.ids.next('rtbassoc'), routeTableId: main.routeTableId, main: true });
  world.ec2.routeTables.set(main.routeTableId, main);

  const acl: NetworkAcl = {
    networkAclId: world.ids.next('acl'),
    vpcId: vpc.vpcId,
    ownerId: world.accountId,
    isDefault: true,
    entries: [
      { ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: true, cidrBlock: '0.0.0.0/0' },
    ],
    associations: [],
    tags: [],
  };
  world.ec2.networkAcls.set(acl.networkAclId, acl);

  const sgId = world.ids.next('sg');
  const sg: SecurityGroup = {
    groupId: sgId,
    groupName: 'default',
    description: 'default VPC security group',
    vpcId: vpc.vpcId,
    ownerId: world.accountId,
    tags: [],
    rules: [],
  };
  const base = { groupId: sgId, groupOwnerId: world.accountId, ipProtocol: '-1', fromPort: -1, toPort: -1, tags: [] };
  sg.rules.push({ ...base, securityGroupRuleId: newRuleId(world), isEgress: false, referencedGroupId: sgId });
  sg.rules.push({ ...base, securityGroupRuleId: newRuleId(world), isEgress: true, cidrIpv4: '0.0.0.0/0' });
  world.ec2.securityGroups.set(sgId, sg);
  world.touch();
  return vpc;
}

export const getVpc = (world: World, vpcId: string): Vpc => mustGet(world.ec2.vpcs, vpcId, 'InvalidVpcID.NotFound', 'vpc ID');

/** DescribeVpcs: all VPCs, or the ones named (an unknown id is an error, as in EC2). */
export function describeVpcs(world: World, vpcIds: readonly string[] = []): Vpc[] {
  if (vpcIds.length === 0) return [...world.ec2.vpcs.values()];
  return vpcIds.map((id) => getVpc(world, id));
}

/** The VPC's default security group. */
export function defaultSecurityGroup(world: World, vpcId: string): SecurityGroup {
  for (const sg of world.ec2.securityGroups.values()) if (sg.vpcId === vpcId && sg.groupName === 'default') return sg;
  throw ec2Error('InvalidGroup.NotFound', `The default security group for VPC '${vpcId}' does not exist`);
}

/** All IPv4 CIDRs of the VPC (primary first). */
export const vpcCidrs = (vpc: Vpc): string[] => [vpc.cidrBlock, ...vpc.secondaryCidrBlocks];
