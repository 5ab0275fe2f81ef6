// Unit tests for network ACL operations: create, entries, associations.
import { looksLikeId } from '../ids';
import { expectWorldError, newWorldWithVpc } from '../test-support';
import {
  associateNetworkAcl,
  createNetworkAcl,
  createNetworkAclEntry,
  deleteNetworkAcl,
  deleteNetworkAclEntry,
  describeNetworkAcls,
  networkAclForSubnet,
  replaceNetworkAclAssociation,
  replaceNetworkAclEntry,
} from './network-acls';
import { createVpc } from './vpcs';
import { createSubnet } from './subnets';
import type { NaclEntry } from './types';

const withCustomAcl = () => {
  const base = newWorldWithVpc();
  const acl = createNetworkAcl(base.world, { vpcId: base.vpc.vpcId });
  const defaultAcl = networkAclForSubnet(base.world, base.subnet.subnetId)!;
  return { ...base, acl, defaultAcl };
};

const icmpIn = (ruleNumber: number, cidrBlock = '192.168.100.0/24'): NaclEntry => ({
  ruleNumber,
  protocol: 'icmp',
  ruleAction: 'allow',
  egress: false,
  cidrBlock,
  icmpTypeCode: { type: -1, code: -1 },
});

describe('createNetworkAcl', () => {
  it('returns a non-default ACL with a real-looking id holding only the * deny entries', () => {
    const { vpc, acl } = withCustomAcl();
    expect(looksLikeId('acl', acl.networkAclId)).toBe(true);
    expect(acl).toMatchObject({ vpcId: vpc.vpcId, isDefault: false, associations: [] });
    expect(acl.entries).toEqual([
      { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: true, cidrBlock: '0.0.0.0/0' },
    ]);
  });
});

describe('createNetworkAclEntry', () => {
  it('adds an entry, storing a protocol name as its number', () => {
    const { world, acl } = withCustomAcl();
    createNetworkAclEntry(world, acl.networkAclId, icmpIn(100));
    expect(describeNetworkAcls(world, [acl.networkAclId])[0]!.entries).toContainEqual({ ...icmpIn(100), protocol: '1' });
  });

  it('allows the same rule number in the other direction', () => {
    const { world, acl } = withCustomAcl();
    createNetworkAclEntry(world, acl.networkAclId, icmpIn(100));
    createNetworkAclEntry(world, acl.networkAclId, { ...icmpIn(100), egress: true });
    expect(acl.entries.filter((e) => e.ruleNumber === 100)).toHaveLength(2);
  });

  it('rejects a rule number already used in that direction with NetworkAclEntryAlreadyExists', () => {
    const { world, acl } = withCustomAcl();
    createNetworkAclEntry(world, acl.networkAclId, icmpIn(100));
    expectWorldError(world, () => createNetworkAclEntry(world, acl.networkAclId, icmpIn(100, '10.0.0.0/8')), {
      code: 'NetworkAclEntryAlreadyExists',
      message: 'The network acl entry identified by 100 already exists.',
    });
  });

  it('rejects rule numbers outside 1..32766 with InvalidParameterValue', () => {
    const { world, acl } = withCustomAcl();
    for (const n of [0, 32767, 40000, 1.5]) {
      expectWorldError(world, () => createNetworkAclEntry(world, acl.networkAclId, icmpIn(n)), {
        code: 'InvalidParameterValue',
        message: `Invalid value '${n}' for ruleNumber: must be 1 to 32766.`,
      });
    }
  });

  it('accepts the bounds 1 and 32766', () => {
    const { world, acl } = withCustomAcl();
    createNetworkAclEntry(world, acl.networkAclId, icmpIn(1));
    createNetworkAclEntry(world, acl.networkAclId, icmpIn(32766));
    expect(acl.entries.map((e) => e.ruleNumber)).toEqual(expect.arrayContaining([1, 32766]));
  });

  it('rejects a malformed CIDR with InvalidParameterValue', () => {
    const { world, acl } = withCustomAcl();
    expectWorldError(world, () => createNetworkAclEntry(world, acl.networkAclId, icmpIn(100, '10.0.0.0')), {
      code: 'InvalidParameterValue',
      message: 'CIDR block 10.0.0.0 is malformed',
    });
  });

  it('rejects an unknown protocol and a protocol number above 255 with InvalidParameterValue', () => {
    const { world, acl } = withCustomAcl();
    expectWorldError(world, () => createNetworkAclEntry(world, acl.networkAclId, { ...icmpIn(100), protocol: 'sctpx' }), {
      code: 'InvalidParameterValue',
      message: "Invalid protocol 'sctpx'.",
    });
    expectWorldError(world, () => createNetworkAclEntry(world, acl.networkAclId, { ...icmpIn(100), protocol: '300' }), {
      code: 'InvalidParameterValue',
      message: "Invalid protocol '300'.",
    });
  });

  it('requires IcmpTypeCode for ICMP and PortRange for TCP/UDP', () => {
    const { world, acl } = withCustomAcl();
    expectWorldError(
      world,
      () =>
        createNetworkAclEntry(world, acl.networkAclId, {
          ruleNumber: 100,
          protocol: '1',
          ruleAction: 'allow',
          egress: false,
          cidrBlock: '0.0.0.0/0',
        }),
      { code: 'MissingParameter', message: 'ICMP entries need IcmpTypeCode.' },
    );
    expectWorldError(
      world,
      () =>
        createNetworkAclEntry(world, acl.networkAclId, {
          ruleNumber: 100,
          protocol: 'tcp',
          ruleAction: 'allow',
          egress: false,
          cidrBlock: '0.0.0.0/0',
        }),
      { code: 'MissingParameter', message: 'TCP and UDP entries need PortRange.' },
    );
  });

  it('fails for an unknown ACL with InvalidNetworkAclID.NotFound', () => {
    const { world } = withCustomAcl();
    expectWorldError(world, () => createNetworkAclEntry(world, 'acl-00000000000000000', icmpIn(100)), {
      code: 'InvalidNetworkAclID.NotFound',
      message: "The network ACL 'acl-00000000000000000' does not exist",
    });
  });
});

describe('replaceNetworkAclEntry / deleteNetworkAclEntry', () => {
  it('replaces an entry in place', () => {
    const { world, defaultAcl } = withCustomAcl();
    replaceNetworkAclEntry(world, defaultAcl.networkAclId, {
      ruleNumber: 100,
      protocol: '-1',
      ruleAction: 'deny',
      egress: false,
      cidrBlock: '0.0.0.0/0',
    });
    expect(defaultAcl.entries.filter((e) => !e.egress && e.ruleNumber === 100)).toEqual([
      { ruleNumber: 100, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0' },
    ]);
  });

  it('fails to replace a missing entry with InvalidNetworkAclEntry.NotFound', () => {
    const { world, acl } = withCustomAcl();
    expectWorldError(world, () => replaceNetworkAclEntry(world, acl.networkAclId, icmpIn(100)), {
      code: 'InvalidNetworkAclEntry.NotFound',
      message: 'The network acl entry identified by 100 does not exist.',
    });
  });

  it('deletes an entry of the given direction only', () => {
    const { world, defaultAcl } = withCustomAcl();
    deleteNetworkAclEntry(world, defaultAcl.networkAclId, 100, true);
    expect(defaultAcl.entries.filter((e) => e.ruleNumber === 100).map((e) => e.egress)).toEqual([false]);
  });

  it('refuses to delete the * entry and a missing entry', () => {
    const { world, defaultAcl } = withCustomAcl();
    expectWorldError(world, () => deleteNetworkAclEntry(world, defaultAcl.networkAclId, 32767, false), {
      code: 'InvalidNetworkAclEntry.NotFound',
      message: 'identified by 32767',
    });
    expectWorldError(world, () => deleteNetworkAclEntry(world, defaultAcl.networkAclId, 200, false), {
      code: 'InvalidNetworkAclEntry.NotFound',
      message: 'The network acl entry identified by 200 does not exist.',
    });
  });
});

describe('associateNetworkAcl', () => {
  it('moves the subnet from the default ACL to the given one', () => {
    const { world, subnet, acl, defaultAcl } = withCustomAcl();
    const id = associateNetworkAcl(world, acl.networkAclId, subnet.subnetId);
    expect(id).toMatch(/^aclassoc-[0-9a-f]{17}$/);
    expect(networkAclForSubnet(world, subnet.subnetId)).toBe(acl);
    expect(defaultAcl.associations.some((a) => a.subnetId === subnet.subnetId)).toBe(false);
    expect(acl.associations).toEqual([{ networkAclAssociationId: id, networkAclId: acl.networkAclId, subnetId: subnet.subnetId }]);
  });

  it('moves it back to the default ACL', () => {
    const { world, subnet, acl, defaultAcl } = withCustomAcl();
    associateNetworkAcl(world, acl.networkAclId, subnet.subnetId);
    associateNetworkAcl(world, defaultAcl.networkAclId, subnet.subnetId);
    expect(networkAclForSubnet(world, subnet.subnetId)).toBe(defaultAcl);
    expect(acl.associations).toEqual([]);
  });

  it('leaves the other subnets where they are', () => {
    const { world, vpc, subnet, acl, defaultAcl } = withCustomAcl();
    const other = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.2.0/24' });
    associateNetworkAcl(world, acl.networkAclId, subnet.subnetId);
    expect(networkAclForSubnet(world, other.subnetId)).toBe(defaultAcl);
  });

  it('refuses an ACL and a subnet of different VPCs', () => {
    const { world, subnet } = withCustomAcl();
    const foreign = createNetworkAcl(world, { vpcId: createVpc(world, { cidrBlock: '172.31.0.0/16' }).vpcId });
    expectWorldError(world, () => associateNetworkAcl(world, foreign.networkAclId, subnet.subnetId), {
      code: 'InvalidParameterValue',
      message: 'belong to different networks',
    });
  });
});

describe('replaceNetworkAclAssociation and deleteNetworkAcl', () => {
  it('moves the subnet of an association to another ACL, and refuses an unknown association', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const custom = createNetworkAcl(world, { vpcId: vpc.vpcId });
    const current = networkAclForSubnet(world, subnet.subnetId)!.associations.find((a) => a.subnetId === subnet.subnetId)!;
    const id = replaceNetworkAclAssociation(world, current.networkAclAssociationId, custom.networkAclId);
    expect(networkAclForSubnet(world, subnet.subnetId)?.networkAclId).toBe(custom.networkAclId);
    expect(id).toMatch(/^aclassoc-/);
    expectWorldError(world, () => replaceNetworkAclAssociation(world, 'aclassoc-0123456789abcdef0', custom.networkAclId), {
      code: 'InvalidAssociationID.NotFound',
      message: 'does not exist',
    });
  });

  it('deletes an unused ACL, but not one a subnet uses nor the default one', () => {
    const { world, vpc, subnet } = newWorldWithVpc();
    const custom = createNetworkAcl(world, { vpcId: vpc.vpcId });
    const defaultAcl = networkAclForSubnet(world, subnet.subnetId)!;
    associateNetworkAcl(world, custom.networkAclId, subnet.subnetId);
    expectWorldError(world, () => deleteNetworkAcl(world, custom.networkAclId), {
      code: 'DependencyViolation',
      message: 'has dependencies',
    });
    associateNetworkAcl(world, defaultAcl.networkAclId, subnet.subnetId);
    deleteNetworkAcl(world, custom.networkAclId);
    expect(world.ec2.networkAcls.has(custom.networkAclId)).toBe(false);
    expectWorldError(world, () => deleteNetworkAcl(world, defaultAcl.networkAclId), {
      code: 'InvalidParameterValue',
      message: 'default network ACL',
    });
  });
});
