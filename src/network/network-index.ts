// Compiled lookups over one revision of a world: security groups, NACLs, route tables, the CGW and the DFW,
// each compiled once per (resource, direction, packet) and reused across flows. A new world revision
// needs a new index (evaluate() takes care of that).
import type { NetworkAcl, NetworkInterface, RouteTable, World } from '../world';
import { networkAclForSubnet, routeTableForSubnet } from '../world';
import type { EndpointRef, Packet } from './flow';
import { resolveEndpoint, type Endpoint } from './endpoints';
import type { MatchedRule, ResourceRef } from './verdict';
import { compileSgMatcher, type SgMatcher } from './sg-match';
import { compileNaclMatcher, type NaclMatcher } from './nacl-match';
import { compileRouteMatcher, type RouteMatcher } from './route-match';
import { compileCgwMatcher, type CgwDirection, type CgwMatcher } from './cgw-match';
import { GroupMembership } from './group-membership';
import { compileDfwMatcher, type DfwDirection, type DfwMatcher } from './dfw-match';

// Each lookup reads its cache before making anything: no closure is allocated on a hit (a matrix makes
// millions of lookups and almost all of them hit).
function put<K, T>(cache: Map<K, T>, key: K, value: T): T {
  cache.set(key, value);
  return value;
}

/** Caches keyed by (packet object, direction flag, stable string): no key strings are built per call. */
type PacketCache<T> = Map<Packet, [Map<string, T>, Map<string, T>]>;

function perPacket<T>(cache: PacketCache<T>, packet: Packet, flag: boolean): Map<string, T> {
  let pair = cache.get(packet);
  if (!pair) {
    pair = [new Map(), new Map()];
    cache.set(packet, pair);
  }
  return pair[flag ? 1 : 0];
}

/** The SDDC's active cross-link ENI as every flow of a revision sees it. */
export interface CrossLink {
  eni: NetworkInterface | undefined;
  /** Its security groups, and them joined (the key of compiled SG matchers). */
  groupIds: readonly string[];
  groupKey: string;
  /** The resource hops name it by (`via`). */
  ref: ResourceRef;
}

export class NetworkIndex {
  readonly revision: number;
  readonly membership: GroupMembership;
  readonly crossLink: CrossLink;
  private readonly sgs: PacketCache<SgMatcher> = new Map();
  private readonly nacls: PacketCache<NaclMatcher> = new Map();
  private readonly routes = new Map<string, RouteMatcher>();
  private readonly cgws: PacketCache<CgwMatcher> = new Map();
  private readonly dfws: PacketCache<DfwMatcher> = new Map();
  private readonly subnetTables = new Map<string, RouteTable | null>();
  private readonly subnetAcls = new Map<string, NetworkAcl | null>();
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly sgRefs = new Map<string, ResourceRef>();
  private readonly matched = new WeakMap<object, MatchedRule>();

  constructor(readonly world: World) {
    this.revision = world.revision;
    this.membership = new GroupMembership(world);
    const active = world.nsx.linkedVpc?.activeEni;
    const eni = active === undefined ? undefined : world.ec2.networkInterfaces.get(active);
    const groupIds = eni?.groupIds ?? [];
    this.crossLink = {
      eni,
      groupIds,
      groupKey: groupIds.join(','),
      ref: { type: 'network-interface', id: eni?.networkInterfaceId ?? active ?? '(none)', name: 'cross-link ENI' },
    };
  }

  /** `groupKey` is the ENI's group ids joined, computed once per endpoint. */
  sg(groupKey: string, groupIds: readonly string[], isEgress: boolean, packet: Packet): SgMatcher {
    const cache = perPacket(this.sgs, packet, isEgress);
    return cache.get(groupKey) ?? put(cache, groupKey, compileSgMatcher(this.world, groupIds, isEgress, packet));
  }

  nacl(acl: NetworkAcl, egress: boolean, packet: Packet): NaclMatcher {
    const cache = perPacket(this.nacls, packet, egress);
    return cache.get(acl.networkAclId) ?? put(cache, acl.networkAclId, compileNaclMatcher(acl, egress, packet));
  }

  endpoint(ref: EndpointRef): Endpoint {
    const id = ref.kind === 'instance' ? ref.instanceId : ref.externalId;
    return this.endpoints.get(id) ?? put(this.endpoints, id, resolveEndpoint(this.world, ref));
  }

  /** The resource reference of a set of security groups (shared by every hop that names it). */
  sgResource(groupKey: string, groupIds: readonly string[]): ResourceRef {
    return (
      this.sgRefs.get(groupKey) ??
      put(this.sgRefs, groupKey, {
        type: 'security-group',
        id: groupKey,
        name: groupIds.map((g) => this.world.ec2.securityGroups.get(g)?.groupName ?? g).join(','),
      })
    );
  }

  /** The matched-rule record of a rule object, built once. */
  matchedRule(rule: object, describe: () => MatchedRule): MatchedRule {
    let m = this.matched.get(rule);
    if (!m) {
      m = describe();
      this.matched.set(rule, m);
    }
    return m;
  }

  route(rt: RouteTable): RouteMatcher {
    return this.routes.get(rt.routeTableId) ?? put(this.routes, rt.routeTableId, compileRouteMatcher(this.world, rt));
  }

  cgw(direction: CgwDirection, packet: Packet): CgwMatcher {
    const cache = perPacket(this.cgws, packet, direction === 'IN');
    return cache.get(direction) ?? put(cache, direction, compileCgwMatcher(this.world, this.membership, direction, packet));
  }

  /** The DFW at a VM's vNIC; only when the data holds the DFW (`world.nsx.dfwPolicies` not null). */
  dfw(direction: DfwDirection, packet: Packet): DfwMatcher {
    const cache = perPacket(this.dfws, packet, direction === 'IN');
    return cache.get(direction) ?? put(cache, direction, compileDfwMatcher(this.world, this.membership, direction, packet));
  }

  routeTableOf(subnetId: string): RouteTable | null {
    const hit = this.subnetTables.get(subnetId);
    return hit !== undefined ? hit : put(this.subnetTables, subnetId, routeTableForSubnet(this.world, subnetId) ?? null);
  }

  naclOf(subnetId: string): NetworkAcl | null {
    const hit = this.subnetAcls.get(subnetId);
    return hit !== undefined ? hit : put(this.subnetAcls, subnetId, networkAclForSubnet(this.world, subnetId) ?? null);
  }
}
