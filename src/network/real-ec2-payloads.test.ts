// The engine on real EC2 payloads: the AWS CLI's own documentation examples (fixtures/real/ec2, see its
// SOURCES.md) spliced into the article's snapshots. Dual-stack VPCs, subnets and ENIs, IPv6 NACL
// entries (rule 32768), IPv6 SG ranges and routes, prefix lists of either family, and references the
// export lacks: an IPv4 flow ignores IPv6, nothing refuses to load, and what the data cannot decide is
// indeterminate with the missing object named.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ipToNumber, nameTag, type World } from '../world';
import { readSnapshot, snapshotFiles } from '../snapshot';
import { articleCaseB, articleCaseC } from '../world/test-support';
import { editJson, type Json } from '../snapshot/test-support';
import { evaluate, evaluateMatrix } from './evaluate';
import { compileNaclMatcher } from './nacl-match';
import { packetsOf } from './flow';
import type { Verdict } from './verdict';

const corpusDir = resolve(__dirname, '..', '..', 'fixtures', 'real', 'ec2');
const corpus = (name: string): Json => JSON.parse(readFileSync(join(corpusDir, name), 'utf8'));

const caseB = (): Map<string, string> => snapshotFiles(articleCaseB(), { description: 'case B' });
const caseC = (): Map<string, string> => snapshotFiles(articleCaseC(), { description: 'case C' });

/** Loads files, failing on any error; returns the world and the warnings. */
const load = (files: ReadonlyMap<string, string>) => readSnapshot(files);

function instance(world: World, name: string): string {
  return [...world.ec2.instances.values()].find((i) => nameTag(i.tags) === name)!.instanceId;
}
const vm = (world: World): string => [...world.nsx.vms.values()][0]!.externalId;

const awsToVm = (world: World, name = 'CJ-AWS02'): Verdict =>
  evaluate(world, { source: { kind: 'instance', instanceId: instance(world, name) }, destination: { kind: 'vm', externalId: vm(world) } });
const vmToAws = (world: World, name = 'CJ-AWS02'): Verdict =>
  evaluate(world, { source: { kind: 'vm', externalId: vm(world) }, destination: { kind: 'instance', instanceId: instance(world, name) } });

/** The security group id of the group named `name` in the files. */
const groupId = (files: ReadonlyMap<string, string>, name: string): string =>
  JSON.parse(files.get('aws/describe-security-groups.json')!).SecurityGroups.find((g: Json) => g.GroupName === name).GroupId;

/** Drops the optional rule-id file, which would have to be edited alike (the rules then get generated ids). */
const withoutRuleIds = (files: Map<string, string>): Map<string, string> => {
  files.delete('aws/describe-security-group-rules.json');
  return files;
};

describe('dual-stack VPC, subnet and ENI (describe-vpcs, describe-subnets, create-network-interface examples)', () => {
  const dualStack = (): Map<string, string> => {
    const vpcIpv6 = corpus('describe-vpcs-ipv6.1.json').Vpcs.find(
      (v: Json) => v.Ipv6CidrBlockAssociationSet?.length,
    ).Ipv6CidrBlockAssociationSet;
    const subnetIpv6 = corpus('describe-subnets-ipv6.1.json').Subnets.find(
      (s: Json) => s.Ipv6CidrBlockAssociationSet?.length,
    ).Ipv6CidrBlockAssociationSet;
    const eniIpv6 = corpus('create-network-interface.2.json').NetworkInterface.Ipv6Addresses;
    let files = editJson(caseC(), 'aws/describe-vpcs.json', (j) => void (j.Vpcs[0].Ipv6CidrBlockAssociationSet = vpcIpv6));
    files = editJson(files, 'aws/describe-subnets.json', (j) => void (j.Subnets[0].Ipv6CidrBlockAssociationSet = subnetIpv6));
    return editJson(files, 'aws/describe-network-interfaces.json', (j) => void (j.NetworkInterfaces[0].Ipv6Addresses = eniIpv6));
  };

  it('loads the IPv6 CIDRs and addresses into the world', () => {
    const { world, warnings } = load(dualStack());
    expect(warnings).toEqual([]);
    expect([...world.ec2.vpcs.values()][0]!.ipv6CidrBlocks).toEqual(['2001:db8:1234:8800::/56']);
    expect([...world.ec2.subnets.values()][0]!.ipv6CidrBlocks?.[0]).toMatch(/^2001:db8:/);
    expect([...world.ec2.networkInterfaces.values()][0]!.ipv6Addresses?.length).toBeGreaterThan(0);
  });

  it('writes them back', () => {
    const written = snapshotFiles(load(dualStack()).world, { description: 'dual stack' });
    expect(written.get('aws/describe-vpcs.json')).toContain('"Ipv6CidrBlock": "2001:db8:1234:8800::/56"');
    expect(JSON.parse(written.get('aws/describe-network-interfaces.json')!).NetworkInterfaces[0].Ipv6Addresses.length).toBeGreaterThan(0);
  });

  it('leaves IPv4 verdicts as they were', () => {
    expect(awsToVm(load(dualStack()).world).status).toBe('reachable');
  });
});

describe('an IPv6-only subnet (create-subnet example 3) with an ENI in it', () => {
  it('loads with warnings, leaving both out, and the IPv4 flows are judged as before', () => {
    let files = caseC();
    const vpcId = JSON.parse(files.get('aws/describe-vpcs.json')!).Vpcs[0].VpcId;
    const subnet = { ...corpus('create-subnet.3.json').Subnet, VpcId: vpcId };
    files = editJson(files, 'aws/describe-subnets.json', (j) => void j.Subnets.push(subnet));
    files = editJson(files, 'aws/describe-network-interfaces.json', (j) => {
      const { PrivateIpAddress: _v4, PrivateIpAddresses: _all, Attachment: _a, ...eni } = j.NetworkInterfaces[0];
      j.NetworkInterfaces.push({
        ...eni,
        NetworkInterfaceId: 'eni-0000000000000ipv6',
        SubnetId: subnet.SubnetId,
        Ipv6Addresses: [{ Ipv6Address: '2600:1f13:cfe:3660::10' }],
      });
    });
    const { world, warnings } = load(files);
    expect(warnings.map((w) => w.missing)).toEqual([subnet.SubnetId, 'eni-0000000000000ipv6']);
    expect(world.ec2.subnets.has(subnet.SubnetId)).toBe(false);
    expect(awsToVm(world).status).toBe('reachable');
  });
});

describe('IPv6 network ACL entries (describe-network-acls example of a dual-stack VPC, rule 32768)', () => {
  const dualStackAcl = corpus('describe-network-acls.1.json').NetworkAcls.find((a: Json) => a.NetworkAclId === 'acl-0e2a78e4e2EXAMPLE');

  it('loads entries with Ipv6CidrBlock and rule number 32768 and writes them back', () => {
    const files = editJson(caseC(), 'aws/describe-network-acls.json', (j) => void (j.NetworkAcls[0].Entries = dualStackAcl.Entries));
    const { world } = load(files);
    const acl = [...world.ec2.networkAcls.values()][0]!;
    expect(acl.entries).toContainEqual({ ruleNumber: 32768, protocol: '-1', ruleAction: 'deny', egress: true, ipv6CidrBlock: '::/0' });
    const written = JSON.parse(snapshotFiles(world, { description: 'x' }).get('aws/describe-network-acls.json')!);
    expect(written.NetworkAcls[0].Entries).toContainEqual({
      Egress: false,
      Ipv6CidrBlock: '::/0',
      Protocol: '-1',
      RuleAction: 'allow',
      RuleNumber: 101,
    });
  });

  it('an IPv4 packet is decided by the IPv4 entries only: the IPv6 allow at 101 does not pass it', () => {
    const entries = dualStackAcl.Entries.filter((e: Json) => e.Ipv6CidrBlock !== undefined || e.RuleNumber === 32767);
    const files = editJson(caseC(), 'aws/describe-network-acls.json', (j) => void (j.NetworkAcls[0].Entries = entries));
    const acl = [...load(files).world.ec2.networkAcls.values()][0]!;
    for (const egress of [false, true]) {
      expect(
        compileNaclMatcher(
          acl,
          egress,
          packetsOf({ source: { kind: 'vm', externalId: 'x' }, destination: { kind: 'vm', externalId: 'y' } }).request,
        ).match(ipToNumber('192.168.100.10')),
      ).toMatchObject({ ruleNumber: 32767, ruleAction: 'deny' });
    }
  });
});

describe('IPv6 security group ranges (describe-security-group-rules and authorize-security-group-ingress examples)', () => {
  it("an IPv6 allow-all on the cross-link ENI's group does not open an IPv4 flow (case B stays blocked)", () => {
    const ipv6AllowAll = corpus('describe-security-group-rules.1.json').SecurityGroupRules.find((r: Json) => r.CidrIpv6 === '::/0');
    const files = withoutRuleIds(
      editJson(caseB(), 'aws/describe-security-groups.json', (j) => {
        j.SecurityGroups.find((g: Json) => g.GroupName === 'default').IpPermissions.push({
          IpProtocol: ipv6AllowAll.IpProtocol,
          Ipv6Ranges: [{ CidrIpv6: ipv6AllowAll.CidrIpv6 }],
          IpRanges: [],
          UserIdGroupPairs: [],
          PrefixListIds: [],
        });
      }),
    );
    const { world } = load(files);
    expect([...world.ec2.securityGroups.values()].flatMap((g) => g.rules).some((r) => r.cidrIpv6 === '::/0' && !r.isEgress)).toBe(true);
    const v = awsToVm(world);
    expect(v.status).toBe('unreachable');
    expect(v.blockedBy?.code).toBe('ENI_SG_INGRESS_NO_MATCH');
  });

  it('loads the rule-id file with IPv6 and ICMPv6 rules and keeps their ids', () => {
    const ipv6Rules = [corpus('authorize-security-group-ingress.5.json'), corpus('authorize-security-group-ingress.6.json')].flatMap(
      (o) => o.SecurityGroupRules,
    );
    let files = caseC();
    const cjSg = groupId(files, 'CJ-SG');
    files = editJson(files, 'aws/describe-security-groups.json', (j) => {
      const g = j.SecurityGroups.find((x: Json) => x.GroupId === cjSg);
      for (const r of ipv6Rules)
        g.IpPermissions.push({ IpProtocol: r.IpProtocol, FromPort: r.FromPort, ToPort: r.ToPort, Ipv6Ranges: [{ CidrIpv6: r.CidrIpv6 }] });
    });
    files = editJson(files, 'aws/describe-security-group-rules.json', (j) => {
      for (const r of ipv6Rules) j.SecurityGroupRules.push({ ...r, GroupId: cjSg });
    });
    const rules = load(files).world.ec2.securityGroups.get(cjSg)!.rules;
    expect(rules.filter((r) => r.cidrIpv6 !== undefined).map((r) => [r.securityGroupRuleId, r.ipProtocol])).toEqual([
      ['sgr-0455bc68b60805563', 'tcp'],
      ['sgr-04b612d9363ab6327', '58'],
    ]);
  });
});

describe('IPv6 routes (describe-route-tables example with DestinationIpv6CidrBlock)', () => {
  it('loads IPv6 routes, keeps them when written, and an IPv4 flow is routed as before', () => {
    const ipv6Routes = corpus('describe-route-tables-ipv6.1.json')
      .RouteTables.flatMap((t: Json) => t.Routes)
      .filter((r: Json) => r.DestinationIpv6CidrBlock);
    expect(ipv6Routes.length).toBeGreaterThan(0);
    const files = editJson(caseC(), 'aws/describe-route-tables.json', (j) => void j.RouteTables[0].Routes.push(...ipv6Routes));
    const { world } = load(files);
    expect([...world.ec2.routeTables.values()][0]!.routes.filter((r) => r.destinationIpv6CidrBlock !== undefined)).toHaveLength(
      ipv6Routes.length,
    );
    expect(snapshotFiles(world, { description: 'x' }).get('aws/describe-route-tables.json')).toContain(
      '"DestinationIpv6CidrBlock": "::/0"',
    );
    expect(awsToVm(world).status).toBe('reachable');
  });
});

describe('prefix lists (describe-managed-prefix-lists and get-managed-prefix-list-entries examples)', () => {
  const lists = corpus('describe-managed-prefix-lists.1.json');
  const ipv4List = 'pl-0123456abcabcabc1';
  const ipv6List = 'pl-11223344556677aab';
  /** Case C with the SDDC segment's route replaced by a route to `pl` (VMC's Managed Prefix List mode). */
  const prefixListMode = (pl: string, entries?: Json): Map<string, string> => {
    const files = editJson(caseC(), 'aws/describe-route-tables.json', (j) => {
      const r = j.RouteTables[0].Routes.find((x: Json) => x.DestinationCidrBlock === '192.168.100.0/24');
      delete r.DestinationCidrBlock;
      r.DestinationPrefixListId = pl;
    });
    files.set('aws/describe-managed-prefix-lists.json', JSON.stringify(lists));
    if (entries) files.set(`aws/managed-prefix-list-entries/${pl}.json`, JSON.stringify(entries));
    return files;
  };

  it('a route to a list whose entries are not exported is indeterminate, naming the list and the command', () => {
    const v = awsToVm(load(prefixListMode(ipv4List)).world);
    expect(v.status).toBe('indeterminate');
    expect(v.blockedBy).toBeNull();
    expect(v.assumptions).toEqual([
      expect.objectContaining({
        code: 'PREFIX_LIST_ENTRIES_MISSING',
        missing: ipv4List,
        hopKind: 'route',
        settle: expect.stringContaining(`aws ec2 get-managed-prefix-list-entries --prefix-list-id ${ipv4List}`),
      }),
    ]);
  });

  it('with the entries exported the route is decided: they do not hold the segment, so NO_ROUTE', () => {
    const v = awsToVm(load(prefixListMode(ipv4List, corpus('get-managed-prefix-list-entries.1.json'))).world);
    expect(v.status).toBe('unreachable');
    expect(v.blockedBy?.code).toBe('NO_ROUTE');
  });

  it('with entries that hold the segment the route leads to the active ENI', () => {
    const entries = corpus('get-managed-prefix-list-entries.1.json');
    entries.Entries.push({ Cidr: '192.168.100.0/24', Description: 'sddc segment (added to the example)' });
    expect(awsToVm(load(prefixListMode(ipv4List, entries)).world).status).toBe('reachable');
  });

  it('an IPv6 list never routes an IPv4 packet, with or without its entries, and its IPv6 entries load', () => {
    const ipv6Entries = {
      Entries: corpus('describe-vpcs-ipv6.1.json')
        .Vpcs.flatMap((v: Json) => v.Ipv6CidrBlockAssociationSet ?? [])
        .map((a: Json) => ({ Cidr: a.Ipv6CidrBlock })),
    };
    expect(ipv6Entries.Entries.length).toBeGreaterThan(0);
    for (const files of [prefixListMode(ipv6List), prefixListMode(ipv6List, ipv6Entries)]) {
      const v = awsToVm(load(files).world);
      expect(v.status).toBe('unreachable');
      expect(v.blockedBy?.code).toBe('NO_ROUTE');
    }
  });

  it('an SG rule whose prefix list has no entries makes the hop indeterminate only when no other rule allows', () => {
    const files = withoutRuleIds(
      editJson(prefixListMode(ipv4List, { Entries: [{ Cidr: '0.0.0.0/0' }] }), 'aws/describe-security-groups.json', (j) => {
        const def = j.SecurityGroups.find((g: Json) => g.GroupName === 'default');
        def.IpPermissions = [{ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: ipv6List }, { PrefixListId: 'pl-002dc3ec097de1514' }] }];
      }),
    );
    // pl-002dc3ec097de1514 (authorize-security-group-ingress example 8) is in no export: undecided.
    const v = awsToVm(load(files).world);
    expect(v.status).toBe('indeterminate');
    expect(v.assumptions.map((a) => [a.code, a.missing, a.hopKind])).toEqual([
      ['PREFIX_LIST_ENTRIES_MISSING', 'pl-002dc3ec097de1514', 'eni-sg-ingress'],
    ]);
  });
});

describe('references that leave the export (describe-security-groups example pair sg-903004f8)', () => {
  const pair = corpus('describe-security-groups.1.json').SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0];
  const foreign = { ...pair, UserId: '999988887777' };
  const addPairToDefault = (files: Map<string, string>): Map<string, string> =>
    withoutRuleIds(
      editJson(files, 'aws/describe-security-groups.json', (j) => {
        j.SecurityGroups.find((g: Json) => g.GroupName === 'default').IpPermissions.push({ IpProtocol: '-1', UserIdGroupPairs: [foreign] });
      }),
    );

  it('a rule referencing a group of another account makes an otherwise blocked hop indeterminate, naming the group', () => {
    const { world, warnings } = load(addPairToDefault(caseB()));
    expect(warnings.map((w) => w.missing)).toEqual([pair.GroupId]);
    const v = awsToVm(world);
    expect(v.status).toBe('indeterminate');
    expect(v.assumptions).toEqual([
      expect.objectContaining({
        code: 'REFERENCED_GROUP_MISSING',
        missing: pair.GroupId,
        hopKind: 'eni-sg-ingress',
        what: expect.stringContaining('999988887777'),
      }),
    ]);
  });

  it('the world keeps the foreign pair, so a snapshot written back holds its account', () => {
    const written = JSON.parse(
      snapshotFiles(load(addPairToDefault(caseB())).world, { description: 'x' }).get('aws/describe-security-groups.json')!,
    );
    const pairs = written.SecurityGroups.flatMap((g: Json) => g.IpPermissions.flatMap((p: Json) => p.UserIdGroupPairs));
    expect(pairs).toContainEqual(expect.objectContaining({ GroupId: pair.GroupId, UserId: '999988887777' }));
  });

  it('when another rule of the same groups definitely allows, the hop is allowed (case C)', () => {
    expect(awsToVm(load(addPairToDefault(caseC())).world).status).toBe('reachable');
  });

  it('an ENI that wears a group outside the export is indeterminate when its known groups do not allow', () => {
    const files = editJson(caseB(), 'aws/describe-network-interfaces.json', (j) => {
      const eni = j.NetworkInterfaces.find((n: Json) => n.Groups.some((g: Json) => g.GroupName === 'CJ-SG'));
      eni.Groups = [{ GroupId: pair.GroupId, GroupName: 'MySecurityGroup' }];
    });
    const { world, warnings } = load(files);
    expect(warnings.map((w) => w.missing)).toEqual([pair.GroupId]);
    const v = vmToAws(world);
    expect(v.status).toBe('indeterminate');
    expect(v.assumptions).toEqual([
      expect.objectContaining({ code: 'SECURITY_GROUP_MISSING', missing: pair.GroupId, hopKind: 'sg-ingress' }),
    ]);
  });

  it('an ENI that wears a group outside the export besides one that allows is decided', () => {
    const files = editJson(caseB(), 'aws/describe-network-interfaces.json', (j) => {
      const eni = j.NetworkInterfaces.find((n: Json) => n.Groups.some((g: Json) => g.GroupName === 'CJ-SG'));
      eni.Groups.push({ GroupId: pair.GroupId, GroupName: 'MySecurityGroup' });
    });
    expect(vmToAws(load(files).world).status).toBe('reachable');
  });
});

describe('everything at once, for every flow and protocol', () => {
  it('a case B snapshot carrying all the IPv6 and missing-data forms above gives a verdict for every pair, never an error', () => {
    const acl = corpus('describe-network-acls.1.json').NetworkAcls.find((a: Json) => a.NetworkAclId === 'acl-0e2a78e4e2EXAMPLE');
    const ipv6Routes = corpus('describe-route-tables-ipv6.1.json')
      .RouteTables.flatMap((t: Json) => t.Routes)
      .filter((r: Json) => r.DestinationIpv6CidrBlock);
    let files = editJson(
      caseB(),
      'aws/describe-network-acls.json',
      (j) => void j.NetworkAcls[0].Entries.push(...acl.Entries.filter((e: Json) => e.Ipv6CidrBlock)),
    );
    files = editJson(files, 'aws/describe-route-tables.json', (j) => {
      j.RouteTables[0].Routes.push(...ipv6Routes, {
        DestinationPrefixListId: 'pl-11223344556677aab',
        GatewayId: 'igw-0123456789abcdef0',
        Origin: 'CreateRoute',
        State: 'active',
      });
    });
    files = editJson(files, 'aws/describe-security-groups.json', (j) => {
      for (const g of j.SecurityGroups) {
        for (const p of [...g.IpPermissions, ...g.IpPermissionsEgress]) p.Ipv6Ranges = [{ CidrIpv6: '::/0' }];
        g.IpPermissions.push(
          { IpProtocol: 'icmpv6', FromPort: -1, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
          {
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            PrefixListIds: [{ PrefixListId: 'pl-11223344556677aab' }, { PrefixListId: 'pl-002dc3ec097de1514' }],
            UserIdGroupPairs: [{ GroupId: 'sg-903004f8', UserId: '999988887777' }],
          },
        );
      }
    });
    files = withoutRuleIds(files);
    files.set('aws/describe-managed-prefix-lists.json', JSON.stringify(lists()));
    files.set(
      'aws/managed-prefix-list-entries/pl-11223344556677aab.json',
      JSON.stringify({ Entries: [{ Cidr: '2001:db8:1234:8800::/56' }] }),
    );
    const { world } = load(files);
    for (const flow of [{}, { protocol: 'tcp' as const, port: 443 }, { protocol: 'udp' as const, port: 53 }]) {
      const verdicts = evaluateMatrix(world, flow);
      expect(verdicts.length).toBeGreaterThan(0);
      for (const v of verdicts) expect(['reachable', 'unreachable', 'indeterminate']).toContain(v.status);
    }
  });
});

function lists(): Json {
  return corpus('describe-managed-prefix-lists.1.json');
}
