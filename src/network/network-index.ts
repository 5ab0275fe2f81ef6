// Compiled lookups over one revision of a world: security groups, NACLs, route tables and the CGW,
// each compiled once per (resource, direction, packet) and reused across flows. A new world revision
// needs a new index (evaluate() takes care of that).
import type { NetworkAcl, RouteTable, World } from '../world';
import { networkAclForSubnet, routeTableForSubnet } from '../world';
import { packetKey, type Packet } from './flow';
import { compileSgMatcher, type SgMatcher } from './sg-match';
import { compileNaclMatcher, type NaclMatcher } from './nacl-match';
import { compileRouteMatcher, type RouteMatcher } from './route-match';
import { compileCgwMatcher, type CgwDirection, type CgwMatcher } from './cgw-match';
import { GroupMembership } from './group-membership';

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

export class NetworkIndex {
  readonly revision: number;
  readonly membership: GroupMembership;
  private readonly sgs = new Map<string, SgMatcher>();
  private readonly nacls = new Map<string, NaclMatcher>();
  private readonly routes = new Map<string, RouteMatcher>();
  private readonly cgws = new Map<string, CgwMatcher>();
  private readonly subnetTables = new Map<string, RouteTable | null>();
  private readonly subnetAcls = new Map<string, NetworkAcl | null>();

  constructor(readonly world: World) {
    this.revision = world.revision;
    this.membership = new GroupMembership(world);
  }

  sg(groupIds: readonly string[], isEgress: boolean, packet: Packet): SgMatcher {
    return memo(this.sgs, `${groupIds.join(',')}|${isEgress}|${packetKey(packet)}`, () => compileSgMatcher(this.world, groupIds, isEgress, packet));
  }

  nacl(acl: NetworkAcl, egress: boolean, packet: Packet): NaclMatcher {
    return memo(this.nacls, `${acl.networkAclId}|${egress}|${packetKey(packet)}`, () => compileNaclMatcher(acl, egress, packet));
  }

  route(rt: RouteTable): RouteMatcher {
    return memo(this.routes, rt.routeTableId, () => compileRouteMatcher(this.world, rt));
  }

  cgw(direction: CgwDirection, packet: Packet): CgwMatcher {
    return memo(this.cgws, `${direction}|${packetKey(packet)}`, () => compileCgwMatcher(this.world, this.membership, direction, packet));
  }

  routeTableOf(subnetId: string): RouteTable | null {
    return memo(this.subnetTables, subnetId, () => routeTableForSubnet(this.world, subnetId) ?? null);
  }

  naclOf(subnetId: string): NetworkAcl | null {
    return memo(this.subnetAcls, subnetId, () => networkAclForSubnet(this.world, subnetId) ?? null);
  }
}
