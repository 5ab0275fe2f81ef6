// The article's worlds hold what the article describes at each step (shared/seed/article-summary.md).
import { defaultSecurityGroup, listCgwRules, mainRouteTable, nameTag, type World } from '..';
import { article, articleCaseA, articleCaseB, articleCaseC, articleWorldBeforeStep1 } from './article-worlds';

const vpcOf = (w: World) => [...w.ec2.vpcs.values()][0]!;
const instanceNamed = (w: World, name: string) => [...w.ec2.instances.values()].find((i) => nameTag(i.tags) === name);
const sgNamed = (w: World, name: string) => [...w.ec2.securityGroups.values()].find((g) => g.groupName === name);

describe('article worlds', () => {
  it('before step 1: the connected VPC with one subnet, an SDDC of 2 hosts whose cross-link ENIs wear the default SG, CJ-VM01 and no segment', () => {
    const w = articleWorldBeforeStep1();
    const vpc = vpcOf(w);
    expect(w.region).toBe('ap-northeast-1');
    expect(vpc.cidrBlock).toBe('172.31.0.0/16');
    expect(nameTag(vpc.tags)).toBe(article.vpcName);
    expect([...w.ec2.subnets.values()].map((s) => s.cidrBlock)).toEqual(['172.31.16.0/20']);
    const linked = w.nsx.linkedVpc!;
    expect(linked.crossLinkEniIds).toHaveLength(2);
    expect(linked.activeEni).toBe(linked.crossLinkEniIds[0]);
    const defaultSg = defaultSecurityGroup(w, vpc.vpcId).groupId;
    for (const id of linked.crossLinkEniIds)
      expect(w.ec2.networkInterfaces.get(id)).toMatchObject({ groupIds: [defaultSg], description: 'VMware VMC Interface' });
    expect(linked.routeTableIds).toEqual([mainRouteTable(w, vpc.vpcId)!.routeTableId]);
    expect(w.nsx.segments.size).toBe(0);
    expect([...w.nsx.vms.values()]).toEqual([
      expect.objectContaining({
        displayName: 'CJ-VM01',
        ipAddresses: ['192.168.100.10'],
        powerState: 'VM_RUNNING',
        osName: 'Ubuntu Linux (64-bit)',
      }),
    ]);
    expect(w.ec2.instances.size).toBe(0);
  });

  it('case A: segment routed to the active ENI, group CJ-VM, rules in and out before the Default Uplink Rule, CJ-AWS01 in the default SG', () => {
    const w = articleCaseA();
    const vpc = vpcOf(w);
    expect(w.nsx.segments.get('cj-seg')).toMatchObject({
      displayName: 'CJ-Segment',
      type: 'ROUTED',
      connectivity: 'ON',
      subnets: [{ gatewayAddress: '192.168.100.1/24', network: '192.168.100.0/24' }],
    });
    expect(mainRouteTable(w, vpc.vpcId)!.routes).toContainEqual(
      expect.objectContaining({ destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: w.nsx.linkedVpc!.activeEni }),
    );
    expect(w.nsx.groups.get(article.group.path)).toMatchObject({
      displayName: 'CJ-VM',
      expression: [{ resourceType: 'Condition', memberType: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: 'CJ-VM01' }],
    });
    expect(
      listCgwRules(w).map((r) => [r.id, r.sequenceNumber, r.sourceGroups, r.destinationGroups, r.scope, r.action, r.isDefault]),
    ).toEqual([
      ['cj-vm-inbound', 10, ['ANY'], [article.group.path], ['/infra/labels/cgw-cross-vpc'], 'ALLOW', false],
      ['cj-vm-outbound', 20, [article.group.path], ['ANY'], ['/infra/labels/cgw-cross-vpc'], 'ALLOW', false],
      ['default-uplink-rule', 99999, ['ANY'], ['ANY'], ['/infra/labels/cgw-all'], 'DROP', true],
    ]);
    const aws01 = instanceNamed(w, 'CJ-AWS01')!;
    expect(aws01).toMatchObject({ state: 'running', privateIpAddress: '172.31.16.20', iamInstanceProfileArn: article.instanceProfileArn });
    expect(w.ec2.networkInterfaces.get(aws01.networkInterfaceId)!.groupIds).toEqual([defaultSecurityGroup(w, vpc.vpcId).groupId]);
  });

  it('case B: CJ-SG allows everything in and out, and CJ-AWS02 wears only CJ-SG', () => {
    const w = articleCaseB();
    const sg = sgNamed(w, 'CJ-SG')!;
    expect(sg.rules.map((r) => [r.isEgress, r.ipProtocol, r.cidrIpv4])).toEqual(
      expect.arrayContaining([
        [false, '-1', '0.0.0.0/0'],
        [true, '-1', '0.0.0.0/0'],
      ]),
    );
    const aws02 = instanceNamed(w, 'CJ-AWS02')!;
    expect(aws02.privateIpAddress).toBe('172.31.16.21');
    expect(w.ec2.networkInterfaces.get(aws02.networkInterfaceId)!.groupIds).toEqual([sg.groupId]);
  });

  it('case C: the default SG admits CJ-SG inbound, all protocols', () => {
    const w = articleCaseC();
    const def = defaultSecurityGroup(w, vpcOf(w).vpcId);
    expect(def.rules).toContainEqual(
      expect.objectContaining({ isEgress: false, ipProtocol: '-1', referencedGroupId: sgNamed(w, 'CJ-SG')!.groupId }),
    );
  });

  it('are built deterministically: the same ids every time', () => {
    const ids = (w: World) => [...w.ec2.instances.keys(), ...w.ec2.securityGroups.keys(), ...w.ec2.networkInterfaces.keys()];
    expect(ids(articleCaseC())).toEqual(ids(articleCaseC()));
  });
});
