// Availability zones of the world's region: the zones the region has (ap-northeast-1 has a, c and d,
// not b) plus any zone a subnet of the world names. Zone ids follow AWS's scheme (`apne1-az4`).
// Mock note: zone name → zone id mappings differ per AWS account; the mock uses one fixed mapping.
import { ec2Error } from '../errors';
import type { World } from '../world';

export interface AvailabilityZone {
  zoneName: string;
  zoneId: string;
  regionName: string;
  state: 'available';
  zoneType: 'availability-zone';
  optInStatus: 'opt-in-not-required';
  groupName: string;
  networkBorderGroup: string;
}

/** Zone letters and ids of the regions whose zones are known; others get a, b and c. */
const knownRegions: Record<string, [string, number][]> = {
  'ap-northeast-1': [
    ['a', 4],
    ['c', 1],
    ['d', 2],
  ],
  'us-east-1': [
    ['a', 6],
    ['b', 1],
    ['c', 2],
    ['d', 4],
    ['e', 3],
    ['f', 5],
  ],
  'us-west-2': [
    ['a', 1],
    ['b', 2],
    ['c', 3],
    ['d', 4],
  ],
};

const compass: Record<string, string> = {
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** `ap-northeast-1` → `apne1`, `us-west-2` → `usw2`, as in AWS zone ids. */
export function regionAbbreviation(region: string): string {
  const [area = '', direction = '', n = ''] = region.split('-');
  return `${area}${compass[direction] ?? direction.slice(0, 1)}${n}`;
}

function zonesOf(world: World): AvailabilityZone[] {
  const region = world.region;
  const letters = knownRegions[region] ?? [
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ];
  const zone = (zoneName: string, n: number): AvailabilityZone => ({
    zoneName,
    zoneId: `${regionAbbreviation(region)}-az${n}`,
    regionName: region,
    state: 'available',
    zoneType: 'availability-zone',
    optInStatus: 'opt-in-not-required',
    groupName: region,
    networkBorderGroup: region,
  });
  const zones = letters.map(([l, n]) => zone(`${region}${l}`, n));
  let next = zones.length + 1;
  for (const s of world.ec2.subnets.values()) {
    if (!zones.some((z) => z.zoneName === s.availabilityZone)) zones.push(zone(s.availabilityZone, next++));
  }
  return zones;
}

export interface DescribeAvailabilityZonesInput {
  zoneNames?: readonly string[];
  zoneIds?: readonly string[];
}

export function describeAvailabilityZones(world: World, input: DescribeAvailabilityZonesInput = {}): AvailabilityZone[] {
  const zones = zonesOf(world);
  const pick = (ids: readonly string[], key: 'zoneName' | 'zoneId'): AvailabilityZone[] =>
    ids.map(
      (id) =>
        zones.find((z) => z[key] === id) ??
        (() => {
          throw ec2Error('InvalidParameterValue', `Invalid availability zone: [${id}]`);
        })(),
    );
  if (input.zoneNames?.length || input.zoneIds?.length) {
    const picked = [...pick(input.zoneNames ?? [], 'zoneName'), ...pick(input.zoneIds ?? [], 'zoneId')];
    return zones.filter((z) => picked.includes(z));
  }
  return zones;
}

/** The zone id of a zone name of the world (for DescribeSubnets' AvailabilityZoneId). */
export const zoneIdOf = (world: World, zoneName: string): string | undefined => zonesOf(world).find((z) => z.zoneName === zoneName)?.zoneId;
