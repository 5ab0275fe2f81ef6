// Unit tests for the World itself: defaults, look-ups, and the revision every mutation bumps.
import { World, instantLatency, mustGet, mustGetNsx } from './world';
import { catchWorldError, newWorldWithSddc } from './test-support';
import { isWorldError } from './errors';
import { createVpc } from './ec2/vpcs';
import { createSubnet, deleteSubnet } from './ec2/subnets';
import {
  associateRouteTable,
  createRoute,
  createRouteTable,
  deleteRoute,
  deleteRouteTable,
  disassociateRouteTable,
  replaceRoute,
} from './ec2/route-tables';
import {
  associateNetworkAcl,
  createNetworkAcl,
  createNetworkAclEntry,
  deleteNetworkAclEntry,
  replaceNetworkAclEntry,
} from './ec2/network-acls';
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
} from './ec2/security-groups';
import { createNetworkInterface, deleteNetworkInterface, modifyNetworkInterfaceGroups } from './ec2/network-interfaces';
import { runInstances, startInstances, stopInstances, terminateInstances } from './ec2/instances';
import { createManagedPrefixList } from './ec2/prefix-lists';
import { deleteSegment, patchSegment, putSegment } from './nsx/segments';
import { deleteGroup, patchGroup } from './nsx/groups';
import { deleteCgwRule, patchCgwRule, putCgwRule, replaceCgwPolicyRules } from './nsx/gateway-rules';
import { addVm, setVmPowerState } from './nsx/vms';
import { setActiveEni } from './nsx/linked-vpc';

describe('World', () => {
  it('has the documented defaults and starts at revision 0', () => {
    const world = new World();
    expect(world).toMatchObject({ accountId: '123456789012', region: 'us-west-2', latency: instantLatency, revision: 0 });
  });

  it('holds the predefined services and the system groups from the start', () => {
    const world = new World();
    expect(world.nsx.services.has('/infra/services/ICMP-ALL')).toBe(true);
    expect(world.nsx.groups.has('/infra/tier-0s/vmc/groups/connected_vpc')).toBe(true);
  });

  it('gives two worlds of the same seed the same ids', () => {
    expect(new World({ seed: 5 }).ids.next('vpc')).toBe(new World({ seed: 5 }).ids.next('vpc'));
  });

  it('mustGet throws the EC2 NotFound error it is given', () => {
    const err = catchWorldError(() => mustGet(new Map(), 'vpc-1', 'InvalidVpcID.NotFound', 'vpc ID'));
    expect(err).toMatchObject({
      service: 'ec2',
      code: 'InvalidVpcID.NotFound',
      httpStatus: 400,
      message: "The vpc ID 'vpc-1' does not exist",
    });
    expect(isWorldError(err)).toBe(true);
    expect(isWorldError(new Error('x'))).toBe(false);
  });

  it('mustGetNsx throws NSX 500090 with status 404', () => {
    expect(catchWorldError(() => mustGetNsx(new Map(), '/infra/x', 'thing'))).toMatchObject({
      service: 'nsx',
      code: '500090',
      httpStatus: 404,
      message: 'The path=[/infra/x] is invalid: thing not found.',
    });
  });
});

describe('world.revision', () => {
  it('increases on every mutation', () => {
    const { world, vpc, subnet, defaultSg, standbyEni, activeEni } = newWorldWithSddc();
    const spare = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.3.0/24' });
    const cidr = (cidrIp: string) => [{ ipProtocol: 'icmp', ipRanges: [{ cidrIp }] }];
    let sgId = '';
    let rtbId = '';
    let assocId = '';
    let aclId = '';
    let eniId = '';
    let instanceId = '';
    const steps: [string, () => unknown][] = [
      ['createVpc', () => createVpc(world, { cidrBlock: '172.31.0.0/16' })],
      ['createSubnet', () => createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' })],
      [
        'createSecurityGroup',
        () => (sgId = createSecurityGroup(world, { groupName: 'CJ-SG', description: 'x', vpcId: vpc.vpcId }).groupId),
      ],
      ['authorizeSecurityGroupIngress', () => authorizeSecurityGroupIngress(world, sgId, cidr('10.0.0.0/8'))],
      ['authorizeSecurityGroupEgress', () => authorizeSecurityGroupEgress(world, sgId, cidr('10.0.0.0/8'))],
      ['revokeSecurityGroupIngress', () => revokeSecurityGroupIngress(world, sgId, { permissions: cidr('10.0.0.0/8') })],
      ['revokeSecurityGroupEgress', () => revokeSecurityGroupEgress(world, sgId, { permissions: cidr('10.0.0.0/8') })],
      ['createManagedPrefixList', () => createManagedPrefixList(world, { prefixListName: 'pl', entries: [{ cidr: '192.168.0.0/16' }] })],
      ['createRouteTable', () => (rtbId = createRouteTable(world, { vpcId: vpc.vpcId }).routeTableId)],
      [
        'createRoute',
        () => createRoute(world, { routeTableId: rtbId, destinationCidrBlock: '192.168.0.0/16', networkInterfaceId: activeEni }),
      ],
      [
        'replaceRoute',
        () => replaceRoute(world, { routeTableId: rtbId, destinationCidrBlock: '192.168.0.0/16', networkInterfaceId: standbyEni }),
      ],
      ['deleteRoute', () => deleteRoute(world, { routeTableId: rtbId, destinationCidrBlock: '192.168.0.0/16' })],
      ['associateRouteTable', () => (assocId = associateRouteTable(world, { routeTableId: rtbId, subnetId: subnet.subnetId }))],
      ['disassociateRouteTable', () => disassociateRouteTable(world, assocId)],
      ['deleteRouteTable', () => deleteRouteTable(world, rtbId)],
      ['createNetworkAcl', () => (aclId = createNetworkAcl(world, { vpcId: vpc.vpcId }).networkAclId)],
      [
        'createNetworkAclEntry',
        () =>
          createNetworkAclEntry(world, aclId, {
            ruleNumber: 100,
            protocol: '-1',
            ruleAction: 'allow',
            egress: false,
            cidrBlock: '0.0.0.0/0',
          }),
      ],
      [
        'replaceNetworkAclEntry',
        () =>
          replaceNetworkAclEntry(world, aclId, {
            ruleNumber: 100,
            protocol: '-1',
            ruleAction: 'deny',
            egress: false,
            cidrBlock: '0.0.0.0/0',
          }),
      ],
      ['deleteNetworkAclEntry', () => deleteNetworkAclEntry(world, aclId, 100, false)],
      ['associateNetworkAcl', () => associateNetworkAcl(world, aclId, subnet.subnetId)],
      ['createNetworkInterface', () => (eniId = createNetworkInterface(world, { subnetId: subnet.subnetId }).networkInterfaceId)],
      ['modifyNetworkInterfaceGroups', () => modifyNetworkInterfaceGroups(world, eniId, [sgId])],
      ['deleteNetworkInterface', () => deleteNetworkInterface(world, eniId)],
      [
        'runInstances',
        () =>
          (instanceId = runInstances(world, {
            imageId: 'ami-0123456789abcdef0',
            subnetId: subnet.subnetId,
            securityGroupIds: [defaultSg.groupId],
          }).instanceId),
      ],
      ['stopInstances', () => stopInstances(world, [instanceId])],
      ['startInstances', () => startInstances(world, [instanceId])],
      ['terminateInstances', () => terminateInstances(world, [instanceId])],
      ['deleteSecurityGroup', () => deleteSecurityGroup(world, sgId)],
      ['patchSegment', () => patchSegment(world, 'seg', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] })],
      ['putSegment', () => putSegment(world, 'seg', { subnets: [{ gatewayAddress: '192.168.100.1/24' }] }, 0)],
      ['patchGroup', () => patchGroup(world, 'cgw', 'g', { expression: [] })],
      ['patchCgwRule', () => patchCgwRule(world, 'r', { scope: ['/infra/labels/cgw-cross-vpc'] })],
      ['putCgwRule', () => putCgwRule(world, 'r', { scope: ['/infra/labels/cgw-cross-vpc'] }, 0)],
      ['replaceCgwPolicyRules', () => replaceCgwPolicyRules(world, [{ id: 'r2', scope: ['/infra/labels/cgw-all'] }])],
      ['deleteCgwRule', () => deleteCgwRule(world, 'r2')],
      ['deleteGroup', () => deleteGroup(world, 'cgw', 'g')],
      ['deleteSegment', () => deleteSegment(world, 'seg')],
      ['addVm', () => addVm(world, { externalId: 'vm-1', displayName: 'CJ-VM01', powerState: 'VM_RUNNING', tags: [], ipAddresses: [] })],
      ['setVmPowerState', () => setVmPowerState(world, 'vm-1', 'VM_STOPPED')],
      ['setActiveEni', () => setActiveEni(world, standbyEni)],
      ['deleteSubnet', () => deleteSubnet(world, spare.subnetId)],
    ];
    const notBumped: string[] = [];
    for (const [name, step] of steps) {
      const before = world.revision;
      step();
      if (world.revision <= before) notBumped.push(name);
    }
    expect(notBumped).toEqual([]);
  });
});
