// Shared set-up for the world's unit tests (test code only; nothing in src/world imports it): a world
// with one VPC and subnet, the same with an SDDC deployed into it, a fake clock, and the assertion
// for a thrown WorldError (code, message, status) that also checks the failed call changed nothing.
import { World, type LatencyProfile } from './world';
import { isWorldError, type WorldError } from './errors';
import { createVpc, defaultSecurityGroup } from './ec2/vpcs';
import { createSubnet } from './ec2/subnets';
import { mainRouteTable } from './ec2/route-tables';
import { settleInstances } from './ec2/instance-lifecycle';
import { deploySddc } from './nsx/deploy-sddc';
import type { Route, RouteTable } from './ec2/types';

export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export interface WorldWithVpcOptions {
  clock?: () => number;
  latency?: LatencyProfile;
}

/** A world holding VPC 10.0.0.0/16 with subnet 10.0.1.0/24. */
export function newWorldWithVpc(options: WorldWithVpcOptions = {}) {
  const world = new World({ seed: 42, ...options });
  const vpc = createVpc(world, { cidrBlock: '10.0.0.0/16' });
  const subnet = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.1.0/24' });
  const defaultSg = defaultSecurityGroup(world, vpc.vpcId);
  const mainTable = mainRouteTable(world, vpc.vpcId)!;
  return { world, vpc, subnet, defaultSg, mainTable };
}

/** `newWorldWithVpc` plus an SDDC (management CIDR 10.2.0.0/16) linked to it with two cross-link ENIs, the first active. */
export function newWorldWithSddc(options: WorldWithVpcOptions = {}) {
  const base = newWorldWithVpc(options);
  const deployed = deploySddc(base.world, { vpcId: base.vpc.vpcId, subnetId: base.subnet.subnetId, hosts: 2 });
  const standbyEni = deployed.crossLinkEniIds.find((id) => id !== deployed.activeEni)!;
  return { ...base, ...deployed, standbyEni };
}

/** The routes of `table` (read again from the world) whose destination is `cidr`. */
export const routesTo = (world: World, table: RouteTable, cidr: string): Route[] =>
  world.ec2.routeTables.get(table.routeTableId)!.routes.filter((r) => r.destinationCidrBlock === cidr);

/** Runs `fn`, which must throw a WorldError, and returns that error. */
export function catchWorldError(fn: () => unknown): WorldError {
  try {
    fn();
  } catch (e) {
    if (isWorldError(e)) return e;
    throw e;
  }
  throw new Error('expected a WorldError, but the call returned normally');
}

export interface ExpectedWorldError {
  code: string;
  /** A fragment of the message, or a pattern it must match. */
  message: string | RegExp;
  httpStatus?: number;
}

/**
 * Asserts that `fn` throws the expected WorldError and that the world's EC2 and NSX state is the
 * same afterwards as before (a failed operation must not change anything).
 */
export function expectWorldError(world: World, fn: () => unknown, expected: ExpectedWorldError): WorldError {
  settleInstances(world); // transitions already due are not the failed call's doing
  const before = stateOf(world);
  const err = catchWorldError(fn);
  expect(err.code).toBe(expected.code);
  if (typeof expected.message === 'string') expect(err.message).toContain(expected.message);
  else expect(err.message).toMatch(expected.message);
  expect(err.httpStatus).toBe(expected.httpStatus ?? 400);
  expect(stateOf(world)).toEqual(before);
  return err;
}

/** A deep, plain copy of the world's stores (Maps become entry lists, so their order counts too). */
export const stateOf = (world: World): unknown =>
  JSON.parse(JSON.stringify({ ec2: world.ec2, nsx: world.nsx }, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value)));
