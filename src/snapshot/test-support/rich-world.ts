// A world that uses every field the snapshot format carries (test code only): the article's case C plus
// every kind of resource, rule, expression and endpoint property, for round trips through the files.
import {
  World,
  addVm,
  associateNetworkAcl,
  associateRouteTable,
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createManagedPrefixList,
  createNetworkAcl,
  createNetworkAclEntry,
  createRoute,
  createRouteTable,
  createSecurityGroup,
  createSubnet,
  defaultSecurityGroup,
  groupPath,
  patchCgwRule,
  patchGroup,
  patchSegment,
  runInstances,
  setActiveEni,
  stopInstances,
} from '../../world';
import { article, articleCaseC } from '../../world/test-support';

/** Article case C plus every kind of resource and field the snapshot format carries. */
export function richWorld(): World {
  const world = articleCaseC();
  const vpc = [...world.ec2.vpcs.values()][0]!;
  vpc.secondaryCidrBlocks.push('100.64.0.0/16'); // no operation adds a secondary CIDR
  const subnet2 = createSubnet(world, {
    vpcId: vpc.vpcId,
    cidrBlock: '172.31.32.0/20',
    availabilityZone: 'ap-northeast-1c',
    tags: [{ key: 'Name', value: 'app' }],
  });
  const rt = createRouteTable(world, { vpcId: vpc.vpcId, tags: [{ key: 'Name', value: 'app-rt' }] });
  associateRouteTable(world, { routeTableId: rt.routeTableId, subnetId: subnet2.subnetId });
  createRoute(world, { routeTableId: rt.routeTableId, destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0123456789abcdef0' });
  const pl = createManagedPrefixList(world, {
    prefixListName: 'sddc-networks',
    entries: [{ cidr: '192.168.100.0/24', description: 'cj-seg' }, { cidr: '10.2.0.0/16' }],
    tags: [{ key: 'team', value: 'net' }],
  });
  const acl = createNetworkAcl(world, { vpcId: vpc.vpcId, tags: [{ key: 'Name', value: 'app-acl' }] });
  createNetworkAclEntry(world, acl.networkAclId, {
    ruleNumber: 100,
    protocol: '1',
    ruleAction: 'allow',
    egress: false,
    cidrBlock: '192.168.100.0/24',
    icmpTypeCode: { type: 8, code: -1 },
  });
  createNetworkAclEntry(world, acl.networkAclId, {
    ruleNumber: 110,
    protocol: '6',
    ruleAction: 'deny',
    egress: true,
    cidrBlock: '10.0.0.0/8',
    portRange: { from: 1024, to: 65535 },
  });
  associateNetworkAcl(world, acl.networkAclId, subnet2.subnetId);
  const appSg = createSecurityGroup(world, {
    groupName: 'app',
    description: 'app servers',
    vpcId: vpc.vpcId,
    tags: [{ key: 'tier', value: 'app' }],
  });
  authorizeSecurityGroupIngress(world, appSg.groupId, [
    {
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      ipRanges: [{ cidrIp: '192.168.100.0/24', description: 'from the SDDC' }],
      prefixListIds: [{ prefixListId: pl.prefixListId }],
    },
    {
      ipProtocol: 'icmp',
      fromPort: 8,
      toPort: -1,
      userIdGroupPairs: [{ groupId: defaultSecurityGroup(world, vpc.vpcId).groupId, description: 'ping from default' }],
    },
    { ipProtocol: '50', ipRanges: [{ cidrIp: '10.9.0.0/16' }] },
  ]);
  authorizeSecurityGroupEgress(world, appSg.groupId, [
    { ipProtocol: 'udp', fromPort: 53, toPort: 53, ipRanges: [{ cidrIp: '172.31.0.2/32' }] },
  ]);
  const win = runInstances(world, {
    imageId: 'ami-0123456789abcdef0',
    instanceType: 'm5.large',
    subnetId: subnet2.subnetId,
    securityGroupIds: [appSg.groupId],
    keyName: 'cj-key',
    clientToken: 'token-1',
    platform: 'windows',
    tags: [
      { key: 'Name', value: 'win01' },
      { key: 'env', value: 'poc' },
    ],
    guestFirewall: {
      defaultInbound: 'drop',
      rules: [
        { action: 'allow', protocol: 'icmp', sourceCidr: '192.168.100.0/24' },
        { action: 'allow', protocol: 'tcp', port: 3389 },
      ],
    },
  });
  stopInstances(world, [win.instanceId]);
  createRoute(world, {
    routeTableId: rt.routeTableId,
    destinationPrefixListId: pl.prefixListId,
    networkInterfaceId: world.nsx.linkedVpc!.activeEni,
  });
  setActiveEni(world, world.nsx.linkedVpc!.crossLinkEniIds[1]!); // edge failover: managed routes move
  patchSegment(world, 'dark', {
    displayName: 'Dark',
    subnets: [{ gatewayAddress: '192.168.200.1/24', dhcpRanges: ['192.168.200.100-192.168.200.199'] }],
    connectivity: 'OFF',
    tags: [{ scope: 'env', tag: 'poc' }],
  });
  patchGroup(world, 'cgw', 'mixed', {
    displayName: 'Mixed',
    description: 'every expression type',
    tags: [{ scope: 'owner', tag: 'cj' }],
    expression: [
      { resourceType: 'IPAddressExpression', ipAddresses: ['192.168.100.10', '10.0.0.0/8', '10.1.1.1-10.1.1.9'] },
      { resourceType: 'ConjunctionOperator', conjunctionOperator: 'OR' },
      { resourceType: 'PathExpression', paths: ['/infra/tier-1s/cgw/segments/dark', article.group.path] },
      { resourceType: 'ConjunctionOperator', conjunctionOperator: 'OR' },
      {
        resourceType: 'NestedExpression',
        expressions: [
          {
            resourceType: 'Condition',
            memberType: 'VirtualMachine',
            key: 'Tag',
            operator: 'EQUALS',
            value: 'web|tier',
            scopeOperator: 'EQUALS',
          },
          { resourceType: 'ConjunctionOperator', conjunctionOperator: 'AND' },
          { resourceType: 'ExternalIDExpression', memberType: 'VirtualMachine', externalIds: [article.vm.externalId] },
        ],
      },
      { resourceType: 'ConjunctionOperator', conjunctionOperator: 'OR' },
      { resourceType: 'MACAddressExpression', macAddresses: ['00:50:56:aa:bb:cc'] },
    ],
  });
  patchCgwRule(world, 'ops-icmp', {
    displayName: 'Ops ICMP',
    sequenceNumber: 5,
    sourceGroups: ['10.10.0.0/16', '172.31.16.21'],
    destinationGroups: [groupPath('cgw', 'mixed')],
    destinationsExcluded: true,
    services: ['/infra/services/ICMP-ALL', '/infra/services/SSH'],
    scope: ['/infra/labels/cgw-cross-vpc', '/infra/labels/cgw-public'],
    action: 'REJECT',
    direction: 'IN',
    ipProtocol: 'IPV4',
    disabled: true,
    logged: true,
    tags: [{ scope: 'ticket', tag: 'CJ-42' }],
  });
  addVm(world, {
    externalId: '50aa0000-1111-4222-8333-444455556666',
    displayName: 'win-vm',
    powerState: 'VM_STOPPED',
    tags: [{ scope: 'tier', tag: 'web' }],
    ipAddresses: ['192.168.200.20', '192.168.200.21'],
    osName: 'Microsoft Windows Server 2019 (64-bit)',
    guestFirewall: { defaultInbound: 'allow', rules: [{ action: 'drop', protocol: 'all', sourceCidr: '172.31.0.0/16' }] },
  });
  return world;
}
