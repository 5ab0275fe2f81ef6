// Generates a large, valid world for benchmarks: many instances with several security groups of many
// rules each, many SDDC VMs on several segments, and hundreds of CGW rules over groups. Deterministic
// for a given seed, built only through world operations.
import * as w from '..';

export interface LargeWorldSize {
  instances: number;
  vms: number;
  sgsPerEni: number;
  rulesPerSg: number;
  cgwRules: number;
}

export const fullSize: LargeWorldSize = { instances: 1000, vms: 200, sgsPerEni: 5, rulesPerSg: 50, cgwRules: 500 };

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildLargeWorld(size: LargeWorldSize, seed = 7): w.World {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const world = new w.World({ seed, clock: () => 0 });
  const vpc = w.createVpc(world, { cidrBlock: '10.0.0.0/16' });
  const subnets = Array.from({ length: 8 }, (_, i) => w.createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: `10.0.${i * 16}.0/20` }));
  w.deploySddc(world, { vpcId: vpc.vpcId, subnetId: subnets[0]!.subnetId, hosts: 4 });
  const defaultSg = w.defaultSecurityGroup(world, vpc.vpcId);
  w.authorizeSecurityGroupIngress(world, defaultSg.groupId, [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '10.0.0.0/16' }] }]);

  const segments = Array.from({ length: 8 }, (_, i) =>
    w.patchSegment(world, `seg-${i}`, { subnets: [{ gatewayAddress: `192.168.${i}.1/24` }] }),
  );
  // A pool of security groups, each with rulesPerSg rules of mixed kinds; instances pick sgsPerEni of them.
  const pool = Array.from({ length: Math.max(size.sgsPerEni * 4, 20) }, (_, i) =>
    w.createSecurityGroup(world, { groupName: `bench-${i}`, description: 'bench', vpcId: vpc.vpcId }),
  );
  for (const sg of pool) {
    const perms: w.IpPermission[] = [];
    for (let k = 0; k < size.rulesPerSg; k++) {
      const kind = r();
      const proto = pick(['tcp', 'udp', 'icmp', '-1', 'tcp', 'tcp']);
      const ports =
        proto === 'tcp' || proto === 'udp'
          ? { fromPort: 1000 + k, toPort: 1000 + k }
          : proto === 'icmp'
            ? { fromPort: k % 3 === 0 ? 8 : -1, toPort: -1 }
            : {};
      const peer =
        kind < 0.15
          ? { userIdGroupPairs: [{ groupId: pick(pool).groupId }] }
          : { ipRanges: [{ cidrIp: `${10 + (k % 200)}.${k}.${Math.floor(r() * 256)}.0/${pick([16, 20, 24, 28])}` }] };
      perms.push({ ipProtocol: proto, ...ports, ...peer });
    }
    // Some groups admit the SDDC; the rest decide by their random rules.
    if (r() < 0.5) perms.push({ ipProtocol: 'icmp', fromPort: -1, toPort: -1, ipRanges: [{ cidrIp: '192.168.0.0/16' }] });
    const unique = perms.filter((p, i) => perms.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
    w.authorizeSecurityGroupIngress(world, sg.groupId, unique.slice(0, size.rulesPerSg));
    w.authorizeSecurityGroupEgress(world, sg.groupId, unique.slice(0, size.rulesPerSg - 1));
  }
  for (let i = 0; i < size.instances; i++) {
    const groups = new Set<string>();
    while (groups.size < size.sgsPerEni) groups.add(pick(pool).groupId);
    w.runInstances(world, {
      imageId: 'ami-bench',
      subnetId: subnets[i % subnets.length]!.subnetId,
      securityGroupIds: [...groups],
      tags: [{ key: 'Name', value: `bench-${i}` }],
    });
  }
  w.describeInstances(world);
  for (let i = 0; i < size.vms; i++) {
    const seg = segments[i % segments.length]!;
    const base = seg.subnets[0]!.network.split('.').slice(0, 3).join('.');
    w.addVm(world, {
      externalId: `vm-${i}`,
      displayName: `bench-vm-${i}`,
      powerState: i % 29 === 0 ? 'VM_STOPPED' : 'VM_RUNNING',
      tags: [{ scope: 'tier', tag: pick(['web', 'app', 'db']) }],
      ipAddresses: [`${base}.${10 + Math.floor(i / segments.length)}`],
    });
  }
  const groupPaths = Array.from({ length: 100 }, (_, i) => {
    const expression: w.GroupExpression[] =
      i % 3 === 0
        ? [{ resourceType: 'IPAddressExpression', ipAddresses: [`192.168.${i % 8}.${i}`, `10.0.${i}.0/28`] }]
        : i % 3 === 1
          ? [{ resourceType: 'Condition', memberType: 'VirtualMachine', key: 'Name', operator: 'STARTSWITH', value: `bench-vm-${i % 20}` }]
          : [
              {
                resourceType: 'Condition',
                memberType: 'VirtualMachine',
                key: 'Tag',
                operator: 'EQUALS',
                value: `tier|${pick(['web', 'app', 'db'])}`,
              },
            ];
    return w.patchGroup(world, 'cgw', `bench-group-${i}`, { expression }).path;
  });
  for (let i = 0; i < size.cgwRules; i++) {
    const allow = i >= size.cgwRules - 4;
    w.patchCgwRule(world, `bench-rule-${i}`, {
      sequenceNumber: 10 + i,
      sourceGroups: allow ? ['ANY'] : [pick(groupPaths)],
      destinationGroups: allow ? ['ANY'] : [pick(groupPaths)],
      services: allow ? ['/infra/services/ICMP-ALL'] : [pick(['/infra/services/ICMP-ALL', '/infra/services/HTTPS', 'ANY'])],
      scope: [pick(['/infra/labels/cgw-cross-vpc', '/infra/labels/cgw-all', '/infra/labels/cgw-public'])],
      action: allow ? 'ALLOW' : pick(['ALLOW', 'DROP', 'DROP', 'REJECT']),
      direction: pick(['IN', 'OUT', 'IN_OUT']),
    });
  }
  return world;
}
