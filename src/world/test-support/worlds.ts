// The one builder of test worlds (test code only; nothing in src/world imports it): a world holding a
// VPC with a subnet (by default VPC 10.0.0.0/16, subnet 10.0.1.0/24, seed 42), optionally more subnets,
// and optionally an SDDC linked to it with two cross-link ENIs in the first subnet, the first active.
// Every other test world (the AWS mock's, the VMC client's, the engine's topology, the article's) starts
// here with its own seed, region, clock and addresses, and adds what its tests need.
import { World, type WorldOptions } from '../world';
import type { Tag } from '../tags';
import { createVpc, defaultSecurityGroup } from '../ec2/vpcs';
import { createSubnet } from '../ec2/subnets';
import { mainRouteTable } from '../ec2/route-tables';
import { deploySddc } from '../nsx/deploy-sddc';
import type { Route, RouteTable } from '../ec2/types';

export interface TestSubnetSpec {
  cidrBlock: string;
  availabilityZone?: string;
  tags?: Tag[];
}

export interface WorldWithVpcOptions extends WorldOptions {
  /** Default 42. */
  seed?: number;
  /** Default 10.0.0.0/16, no tags. */
  vpc?: { cidrBlock?: string; tags?: Tag[] };
  /** The first subnet (the SDDC's connected subnet); default 10.0.1.0/24. */
  subnet?: Partial<TestSubnetSpec>;
  /** More subnets of the VPC, created after the first (and before the SDDC). */
  moreSubnets?: TestSubnetSpec[];
}

export interface WorldWithSddcOptions extends WorldWithVpcOptions {
  /** The SDDC's name and host count (default 2 hosts, one cross-link ENI each). */
  sddc?: { name?: string; hosts?: number };
}

const withTags = <T extends object>(input: T, tags: Tag[] | undefined): T => (tags ? { ...input, tags } : input);

/** A world holding VPC 10.0.0.0/16 with subnet 10.0.1.0/24 (or as `options` says). */
export function newWorldWithVpc(options: WorldWithVpcOptions = {}) {
  const { vpc: vpcSpec = {}, subnet: subnetSpec = {}, moreSubnets = [], ...worldOptions } = options;
  const world = new World({ seed: 42, ...worldOptions });
  const vpc = createVpc(world, withTags({ cidrBlock: vpcSpec.cidrBlock ?? '10.0.0.0/16' }, vpcSpec.tags));
  const subnetIn = (spec: Partial<TestSubnetSpec>) =>
    createSubnet(
      world,
      withTags(
        {
          vpcId: vpc.vpcId,
          cidrBlock: spec.cidrBlock ?? '10.0.1.0/24',
          ...(spec.availabilityZone ? { availabilityZone: spec.availabilityZone } : {}),
        },
        spec.tags,
      ),
    );
  const subnet = subnetIn(subnetSpec);
  const otherSubnets = moreSubnets.map(subnetIn);
  const defaultSg = defaultSecurityGroup(world, vpc.vpcId);
  const mainTable = mainRouteTable(world, vpc.vpcId)!;
  return { world, vpc, subnet, otherSubnets, defaultSg, mainTable };
}

/** `newWorldWithVpc` plus an SDDC (management CIDR 10.2.0.0/16) linked to it with two cross-link ENIs, the first active. */
export function newWorldWithSddc(options: WorldWithSddcOptions = {}) {
  const { sddc = {}, ...vpcOptions } = options;
  const base = newWorldWithVpc(vpcOptions);
  const deployed = deploySddc(base.world, {
    vpcId: base.vpc.vpcId,
    subnetId: base.subnet.subnetId,
    hosts: sddc.hosts ?? 2,
    ...(sddc.name ? { name: sddc.name } : {}),
  });
  const standbyEni = deployed.crossLinkEniIds.find((id) => id !== deployed.activeEni)!;
  return { ...base, ...deployed, standbyEni };
}

/** The routes of `table` (read again from the world) whose destination is `cidr`. */
export const routesTo = (world: World, table: RouteTable, cidr: string): Route[] =>
  world.ec2.routeTables.get(table.routeTableId)!.routes.filter((r) => r.destinationCidrBlock === cidr);
