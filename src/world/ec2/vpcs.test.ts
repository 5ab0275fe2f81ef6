// Unit tests for CreateVpc and what AWS creates with a VPC: main route table, default NACL, default SG.
import { World } from '../world';
import { looksLikeId } from '../ids';
import { expectWorldError } from '../test-support';
import { createVpc, defaultSecurityGroup, describeVpcs, getVpc } from './vpcs';
import { mainRouteTable } from './route-tables';
import { describeNetworkAcls } from './network-acls';
import { describeSecurityGroups } from './security-groups';

const setup = () => {
  const world = new World({ seed: 1 });
  const vpc = createVpc(world, { cidrBlock: '10.0.0.0/16', tags: [{ key: 'Name', value: 'cj-vpc' }] });
  return { world, vpc };
};

describe('createVpc', () => {
  it('returns an available VPC with a real-looking id, the account as owner and the tags given', () => {
    const { world, vpc } = setup();
    expect(looksLikeId('vpc', vpc.vpcId)).toBe(true);
    expect(vpc).toMatchObject({
      cidrBlock: '10.0.0.0/16',
      ownerId: world.accountId,
      state: 'available',
      isDefault: false,
      tags: [{ key: 'Name', value: 'cj-vpc' }],
    });
    expect(getVpc(world, vpc.vpcId)).toBe(vpc);
  });

  it('normalizes a CIDR with host bits to its network', () => {
    const world = new World();
    expect(createVpc(world, { cidrBlock: '10.9.3.4/16' }).cidrBlock).toBe('10.9.0.0/16');
  });

  it('creates the main route table holding only the local route', () => {
    const { world, vpc } = setup();
    const main = mainRouteTable(world, vpc.vpcId)!;
    expect(looksLikeId('rtb', main.routeTableId)).toBe(true);
    expect(main.routes).toEqual([{ destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' }]);
    expect(main.associations).toEqual([
      { routeTableAssociationId: expect.stringMatching(/^rtbassoc-[0-9a-f]{17}$/), routeTableId: main.routeTableId, main: true },
    ]);
  });

  it('creates the default network ACL: allow-all rule 100 then the * deny, both directions', () => {
    const { world, vpc } = setup();
    const acls = describeNetworkAcls(world).filter((a) => a.vpcId === vpc.vpcId);
    expect(acls).toHaveLength(1);
    const acl = acls[0]!;
    expect(looksLikeId('acl', acl.networkAclId)).toBe(true);
    expect(acl.isDefault).toBe(true);
    for (const egress of [false, true]) {
      const entries = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
      expect(entries).toEqual([
        { ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress, cidrBlock: '0.0.0.0/0' },
        { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress, cidrBlock: '0.0.0.0/0' },
      ]);
    }
  });

  it('creates the default security group named default', () => {
    const { world, vpc } = setup();
    const sgs = describeSecurityGroups(world).filter((g) => g.vpcId === vpc.vpcId);
    expect(sgs).toHaveLength(1);
    expect(sgs[0]).toMatchObject({ groupName: 'default', description: 'default VPC security group', ownerId: world.accountId });
    expect(looksLikeId('sg', sgs[0]!.groupId)).toBe(true);
    expect(defaultSecurityGroup(world, vpc.vpcId)).toBe(sgs[0]);
  });

  it('gives the default SG exactly one inbound rule: all protocols from the SG itself', () => {
    const { world, vpc } = setup();
    const sg = defaultSecurityGroup(world, vpc.vpcId);
    const inbound = sg.rules.filter((r) => !r.isEgress);
    expect(inbound).toEqual([
      {
        securityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
        groupId: sg.groupId,
        groupOwnerId: world.accountId,
        isEgress: false,
        ipProtocol: '-1',
        fromPort: -1,
        toPort: -1,
        referencedGroupId: sg.groupId,
        tags: [],
      },
    ]);
  });

  it('gives the default SG exactly one outbound rule: all protocols to 0.0.0.0/0', () => {
    const { world, vpc } = setup();
    const sg = defaultSecurityGroup(world, vpc.vpcId);
    const outbound = sg.rules.filter((r) => r.isEgress);
    expect(outbound).toEqual([
      {
        securityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
        groupId: sg.groupId,
        groupOwnerId: world.accountId,
        isEgress: true,
        ipProtocol: '-1',
        fromPort: -1,
        toPort: -1,
        cidrIpv4: '0.0.0.0/0',
        tags: [],
      },
    ]);
  });

  it('gives two VPCs distinct resources', () => {
    const { world, vpc } = setup();
    const other = createVpc(world, { cidrBlock: '172.31.0.0/16' });
    expect(other.vpcId).not.toBe(vpc.vpcId);
    expect(defaultSecurityGroup(world, other.vpcId).groupId).not.toBe(defaultSecurityGroup(world, vpc.vpcId).groupId);
    expect(mainRouteTable(world, other.vpcId)!.routes[0]!.destinationCidrBlock).toBe('172.31.0.0/16');
  });

  it('is deterministic for a seed', () => {
    const a = createVpc(new World({ seed: 9 }), { cidrBlock: '10.0.0.0/16' });
    const b = createVpc(new World({ seed: 9 }), { cidrBlock: '10.0.0.0/16' });
    expect(a.vpcId).toBe(b.vpcId);
  });

  it('rejects a malformed CIDR with InvalidParameterValue', () => {
    const world = new World();
    expectWorldError(world, () => createVpc(world, { cidrBlock: '10.0.0.0/99' }), {
      code: 'InvalidParameterValue',
      message: 'This is not a valid CIDR block',
    });
  });

  it('rejects a block larger than /16 or smaller than /28 with InvalidVpc.Range', () => {
    const world = new World();
    expectWorldError(world, () => createVpc(world, { cidrBlock: '10.0.0.0/8' }), {
      code: 'InvalidVpc.Range',
      message: "The CIDR '10.0.0.0/8' is invalid.",
    });
    expectWorldError(world, () => createVpc(world, { cidrBlock: '10.0.0.0/29' }), {
      code: 'InvalidVpc.Range',
      message: "The CIDR '10.0.0.0/29' is invalid.",
    });
  });
});

describe('describeVpcs / getVpc', () => {
  it('lists all VPCs without ids', () => {
    const { world, vpc } = setup();
    expect(describeVpcs(world)).toEqual([vpc]);
  });

  it('fails on an unknown id with InvalidVpcID.NotFound', () => {
    const { world } = setup();
    expectWorldError(world, () => describeVpcs(world, ['vpc-0000000000000000f']), {
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0000000000000000f' does not exist",
    });
  });
});
