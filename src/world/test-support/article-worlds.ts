// The worlds of the source article (shared/seed/article-summary.md), built only through the world's
// operations with a fixed seed and clock, so ids and timestamps are the same on every run. The fixture
// snapshots in fixtures/snapshots/ are these worlds written out (scripts/make-article-fixtures.ts); tests
// and benchmarks build them directly. Test code only: no production module imports it.
import {
  addVm,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  defaultSecurityGroup,
  groupPath,
  patchCgwRule,
  patchGroup,
  patchSegment,
  runInstances,
  settleInstances,
  type World,
} from '..';
import { newWorldWithSddc } from './worlds';

/** Names and addresses the article uses (and the ones we chose where it shows none). */
export const article = {
  region: 'ap-northeast-1',
  accountId: '123456789012',
  seed: 0x20191223,
  /** 2019-12-23 10:00 JST, the day of the Advent Calendar entry. */
  startTime: Date.parse('2019-12-23T01:00:00Z'),
  vpcCidr: '172.31.0.0/16',
  vpcName: 'CJ-VPC',
  subnetCidr: '172.31.16.0/20',
  subnetName: 'CJ-Connected-Subnet',
  availabilityZone: 'ap-northeast-1a',
  sddcName: 'CJ-SDDC',
  vm: {
    name: 'CJ-VM01',
    externalId: '501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b19',
    ip: '192.168.100.10',
    osName: 'Ubuntu Linux (64-bit)',
    computerName: 'cj-vm01',
  },
  segment: { id: 'cj-seg', displayName: 'CJ-Segment', gateway: '192.168.100.1/24', network: '192.168.100.0/24' },
  group: { id: 'cj-vm', displayName: 'CJ-VM', path: groupPath('cgw', 'cj-vm') },
  rules: { inbound: 'cj-vm-inbound', outbound: 'cj-vm-outbound', defaultUplink: 'default-uplink-rule' },
  crossVpcScope: '/infra/labels/cgw-cross-vpc',
  allUplinksScope: '/infra/labels/cgw-all',
  imageId: 'ami-0a1b2c3d4e5f60718',
  instanceType: 't2.micro',
  instanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/AmazonSSMRoleForInstancesQuickSetup',
  aws01: { name: 'CJ-AWS01', ip: '172.31.16.20' },
  aws02: { name: 'CJ-AWS02', ip: '172.31.16.21' },
  customSg: { name: 'CJ-SG', description: 'CJ-SG: all traffic allowed in and out' },
} as const;

interface Built {
  world: World;
  /** Moves the world's clock on, so each step happens at its own (fixed) time. */
  advance: (minutes: number) => void;
  vpcId: string;
  subnetId: string;
}

/** Before step 1: the connected VPC and subnet, the SDDC linked to them (2 hosts), CJ-VM01 with no segment yet. */
function buildBeforeStep1(): Built {
  let now = article.startTime;
  const advance = (minutes: number): void => void (now += minutes * 60_000);
  // Two cross-link ENIs in the connected subnet wearing the default SG, the first active, the main table managed.
  const { world, vpc, subnet } = newWorldWithSddc({
    seed: article.seed,
    region: article.region,
    accountId: article.accountId,
    clock: () => now,
    vpc: { cidrBlock: article.vpcCidr, tags: [{ key: 'Name', value: article.vpcName }] },
    subnet: {
      cidrBlock: article.subnetCidr,
      availabilityZone: article.availabilityZone,
      tags: [{ key: 'Name', value: article.subnetName }],
    },
    sddc: { name: article.sddcName, hosts: 2 },
  });
  // A new SDDC's CGW policy ends with the Default Uplink Rule (all uplinks, drop).
  patchCgwRule(world, article.rules.defaultUplink, {
    displayName: 'Default Uplink Rule',
    sequenceNumber: 99999,
    sourceGroups: ['ANY'],
    destinationGroups: ['ANY'],
    services: ['ANY'],
    scope: [article.allUplinksScope],
    action: 'DROP',
    isDefault: true,
  });
  // The test VM exists beforehand (it runs the SSM agent as a hybrid managed node, for probes).
  addVm(world, {
    externalId: article.vm.externalId,
    displayName: article.vm.name,
    powerState: 'VM_RUNNING',
    tags: [],
    ipAddresses: [article.vm.ip],
    osName: article.vm.osName,
    computerName: article.vm.computerName,
    managedInstanceId: world.ids.next('mi'),
  });
  return { world, advance, vpcId: vpc.vpcId, subnetId: subnet.subnetId };
}

/** Steps 1–5: segment, group, CGW rules in and out, CJ-AWS01 in the VPC's default SG. */
function buildCaseA(): Built {
  const b = buildBeforeStep1();
  const { world } = b;
  b.advance(10);
  patchSegment(world, article.segment.id, {
    displayName: article.segment.displayName,
    subnets: [{ gatewayAddress: article.segment.gateway }],
    type: 'ROUTED',
    connectivity: 'ON',
  });
  patchGroup(world, 'cgw', article.group.id, {
    displayName: article.group.displayName,
    expression: [{ resourceType: 'Condition', memberType: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: article.vm.name }],
  });
  const common = { services: ['ANY'], scope: [article.crossVpcScope], action: 'ALLOW' as const, direction: 'IN_OUT' as const };
  patchCgwRule(world, article.rules.inbound, {
    ...common,
    displayName: 'CJ-VM Inbound',
    sequenceNumber: 10,
    sourceGroups: ['ANY'],
    destinationGroups: [article.group.path],
  });
  patchCgwRule(world, article.rules.outbound, {
    ...common,
    displayName: 'CJ-VM Outbound',
    sequenceNumber: 20,
    sourceGroups: [article.group.path],
    destinationGroups: ['ANY'],
  });
  b.advance(10);
  runInstances(world, {
    imageId: article.imageId,
    instanceType: article.instanceType,
    subnetId: b.subnetId,
    securityGroupIds: [defaultSecurityGroup(world, b.vpcId).groupId],
    privateIpAddress: article.aws01.ip,
    iamInstanceProfileArn: article.instanceProfileArn,
    tags: [{ key: 'Name', value: article.aws01.name }],
  });
  return b;
}

/** Step 6: CJ-SG (all in, all out) and CJ-AWS02 in CJ-SG only. */
function buildCaseB(): Built & { customSgId: string } {
  const b = buildCaseA();
  const { world } = b;
  b.advance(20);
  const sg = createSecurityGroup(world, { groupName: article.customSg.name, description: article.customSg.description, vpcId: b.vpcId });
  // A new SG already allows all outbound traffic; the article opens inbound too.
  authorizeSecurityGroupIngress(world, sg.groupId, [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }]);
  runInstances(world, {
    imageId: article.imageId,
    instanceType: article.instanceType,
    subnetId: b.subnetId,
    securityGroupIds: [sg.groupId],
    privateIpAddress: article.aws02.ip,
    iamInstanceProfileArn: article.instanceProfileArn,
    tags: [{ key: 'Name', value: article.aws02.name }],
  });
  return { ...b, customSgId: sg.groupId };
}

/** Instances launched on the fixed clock boot at once (instant latency); settle them so readers see `running`. */
function settled(world: World): World {
  settleInstances(world);
  return world;
}

/** The SDDC and connected VPC as they are before step 1 of the article. */
export const articleWorldBeforeStep1 = (): World => settled(buildBeforeStep1().world);

/** Case A: CJ-AWS01 in the default SG; both directions reachable. */
export const articleCaseA = (): World => settled(buildCaseA().world);

/** Case B: plus CJ-AWS02 in CJ-SG; CJ-AWS02 → CJ-VM01 blocked by the cross-link ENI's default SG inbound. */
export const articleCaseB = (): World => settled(buildCaseB().world);

/** Case C: case B fixed by adding CJ-SG as a source of an inbound rule (all protocols) of the default SG. */
export function articleCaseC(): World {
  const b = buildCaseB();
  b.advance(10);
  authorizeSecurityGroupIngress(b.world, defaultSecurityGroup(b.world, b.vpcId).groupId, [
    { ipProtocol: '-1', userIdGroupPairs: [{ groupId: b.customSgId }] },
  ]);
  return settled(b.world);
}

/**
 * The world the harness's mock runs start from: the article's SDDC with CJ-VM01 on its segment
 * (192.168.100.0/24, which runs adopt), plus VMs the further scenarios need on the same segment: a
 * Windows VM with the SSM agent (probed with PowerShell) and a powered-off VM.
 */
export function harnessWorld(): World {
  const b = buildBeforeStep1();
  // CJ-VM01 already sits on its segment: a segment with VMs on it is adopted by a run, never deleted.
  patchSegment(b.world, article.segment.id, {
    displayName: article.segment.displayName,
    subnets: [{ gatewayAddress: article.segment.gateway }],
    type: 'ROUTED',
    connectivity: 'ON',
  });
  addVm(b.world, {
    externalId: '501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b20',
    displayName: 'CJ-WIN01',
    powerState: 'VM_RUNNING',
    tags: [{ scope: 'os', tag: 'windows' }],
    ipAddresses: ['192.168.100.20'],
    osName: 'Microsoft Windows Server 2022 (64-bit)',
    computerName: 'CJ-WIN01',
    managedInstanceId: b.world.ids.next('mi'),
  });
  addVm(b.world, {
    externalId: '501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b21',
    displayName: 'CJ-VM02-OFF',
    powerState: 'VM_STOPPED',
    tags: [],
    ipAddresses: ['192.168.100.30'],
    osName: 'Ubuntu Linux (64-bit)',
    computerName: 'cj-vm02',
  });
  return settled(b.world);
}

/** The fixture snapshots written by scripts/make-article-fixtures.ts into fixtures/snapshots/<name>. */
export const articleSnapshots: readonly { name: string; description: string; build: () => World }[] = [
  {
    name: 'article-before-step-1',
    description:
      'Article (vExperts Advent Calendar 2019, day 23), before step 1: connected VPC and SDDC (2 hosts), VM CJ-VM01 without its segment.',
    build: articleWorldBeforeStep1,
  },
  {
    name: 'article-case-a',
    description:
      'Article case A (steps 1-5): segment, group CJ-VM, CGW rules in and out; CJ-AWS01 in the default SG. Both directions reachable.',
    build: articleCaseA,
  },
  {
    name: 'article-case-b',
    description:
      "Article case B (steps 6-7): plus CJ-AWS02 in CJ-SG (all allowed). CJ-AWS02 -> CJ-VM01 is blocked by the cross-link ENI's default SG inbound.",
    build: articleCaseB,
  },
  {
    name: 'article-case-c',
    description: 'Article case C: case B with CJ-SG added as a source of an inbound rule of the default SG. Both directions reachable.',
    build: articleCaseC,
  },
  {
    name: 'harness-before-runs',
    description:
      "The harness's mock world: the article's SDDC with CJ-VM01 on CJ-Segment (192.168.100.0/24), plus a Windows VM (CJ-WIN01, SSM agent) and a powered-off VM (CJ-VM02-OFF).",
    build: harnessWorld,
  },
];
