// The World: the state of one AWS account + region and one SDDC, shared by the mocks, the engine and
// snapshots. Operations live in ec2/*.ts and nsx/*.ts as functions named after the API operations;
// this file holds the stores, the id generator, the clock and the revision counter.
import { createIdGenerator, type IdGenerator } from './ids';
import { ec2Error, nsxError } from './errors';
import type { Instance, ManagedPrefixList, NetworkAcl, NetworkInterface, RouteTable, SecurityGroup, Subnet, Vpc } from './ec2/types';
import type { CgwRule, DfwPolicy, Group, LinkedVpc, NsxService, PendingRouteRealization, Sddc, Segment, Vm } from './nsx/types';
import { predefinedServices } from './nsx/predefined-services';
import { systemGroups } from './nsx/system-groups';
import { defaultDfwPolicy, defaultDfwPolicyId } from './nsx/dfw-default';
import { instantLatency, type LatencyProfile } from './latency';
import type { Command, ScriptRequest, ScriptResult } from './ssm/types';
import { createSsmStores } from './ssm/stores';

export { instantLatency, realisticLatency, latencyProfiles, type LatencyProfile } from './latency';

export interface WorldOptions {
  seed?: number;
  accountId?: string;
  region?: string;
  clock?: () => number;
  latency?: LatencyProfile;
}

export interface Ec2Stores {
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  routeTables: Map<string, RouteTable>;
  networkAcls: Map<string, NetworkAcl>;
  securityGroups: Map<string, SecurityGroup>;
  prefixLists: Map<string, ManagedPrefixList>;
  networkInterfaces: Map<string, NetworkInterface>;
  instances: Map<string, Instance>;
}

export interface NsxStores {
  sddc?: Sddc;
  linkedVpc?: LinkedVpc;
  segments: Map<string, Segment>;
  /** Keyed by policy path (`/infra/domains/cgw/groups/x`, `/infra/tier-0s/vmc/groups/connected_vpc`). */
  groups: Map<string, Group>;
  /** CGW gateway policy `default` rules, keyed by rule id. */
  cgwRules: Map<string, CgwRule>;
  /**
   * NSX distributed firewall: security policies of domain `cgw`, keyed by policy id; `null` when the
   * data does not hold them (a snapshot without `nsx/dfw-policies.json`: verdicts say the DFW was not checked).
   */
  dfwPolicies: Map<string, DfwPolicy> | null;
  /** Keyed by path (`/infra/services/ICMP-ALL`). */
  services: Map<string, NsxService>;
  /** Keyed by external id. */
  vms: Map<string, Vm>;
  /** Segment route changes VMC has not yet realized in the managed route tables, oldest first. */
  pendingRoutes: PendingRouteRealization[];
}

/**
 * Runs a command's script on a node against the current world. The world cannot run anything itself
 * (it knows no network engine) and holds no runner: whoever settles commands passes one (the mock
 * context's, which answers `ping` from the engine's verdict or the lab). Without one, scripts are
 * refused (refuseScripts), so nothing succeeds by default. A runner that runs the script for real (the
 * lab) answers with a promise: the invocation stays InProgress until it settles.
 */
export type ScriptRunner = (world: World, request: ScriptRequest) => ScriptResult | Promise<ScriptResult>;

export interface SsmStores {
  /** Keyed by command id, in the order they were sent. */
  commands: Map<string, Command>;
}

export class World {
  readonly accountId: string;
  readonly region: string;
  readonly ids: IdGenerator;
  readonly clock: () => number;
  readonly latency: LatencyProfile;
  /** Bumped by every mutation; caches (the engine's compiled index) key on it. */
  revision = 0;
  readonly ec2: Ec2Stores = {
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    networkAcls: new Map(),
    securityGroups: new Map(),
    prefixLists: new Map(),
    networkInterfaces: new Map(),
    instances: new Map(),
  };
  readonly nsx: NsxStores = {
    segments: new Map(),
    groups: new Map(systemGroups().map((g) => [g.path, g])),
    cgwRules: new Map(),
    dfwPolicies: new Map([[defaultDfwPolicyId, defaultDfwPolicy()]]),
    services: new Map(predefinedServices().map((s) => [s.path, s])),
    vms: new Map(),
    pendingRoutes: [],
  };
  /** SSM Run Command state; managed nodes are derived from the EC2 and NSX stores. */
  readonly ssm: SsmStores = createSsmStores();

  constructor(options: WorldOptions = {}) {
    this.accountId = options.accountId ?? '123456789012';
    this.region = options.region ?? 'us-west-2';
    this.ids = createIdGenerator(options.seed);
    this.clock = options.clock ?? Date.now;
    this.latency = options.latency ?? instantLatency;
  }

  /** Marks the world as changed. Every mutating operation calls it. */
  touch(): void {
    this.revision++;
  }
}

/** Looks up an EC2 resource or throws the EC2 NotFound error with its real code. */
export function mustGet<T>(map: Map<string, T>, id: string, code: string, what: string): T {
  const found = map.get(id);
  if (!found) throw ec2Error(code, `The ${what} '${id}' does not exist`);
  return found;
}

/** Looks up an NSX object or throws NSX's 404 body. */
export function mustGetNsx<T>(map: Map<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (!found) throw nsxError(500090, `The path=[${key}] is invalid: ${what} not found.`, 404);
  return found;
}
