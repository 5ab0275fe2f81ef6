// loadSnapshot: a snapshot folder (the services' own JSON, design §8) → a World. Every file is validated;
// a missing or malformed file is a SnapshotError that names the file and field and says what to do. A
// reference that real exports leave dangling (another account's group, a deleted subnet, a prefix list
// without entries) is a warning instead (readSnapshot returns them), and the engine judges flows that
// depend on it as indeterminate. Stores are filled directly with the files' ids (the
// operations would mint new ones) and nothing is re-derived: stale routes stay stale.
import { World, type LatencyProfile } from '../world';
import { files } from './layout';
import { manifestSchema } from './schemas/manifest';
import { vpcsSchema } from './schemas/vpcs';
import { SnapshotSource } from './snapshot-source';
import { SnapshotError } from './snapshot-error';
import { reexportHint } from './parse-file';
import { readSnapshotFiles } from './snapshot-files';
import { contentSeed } from './derived-values';
import { readVpcs } from './ec2/vpcs';
import { readSubnets } from './ec2/subnets';
import { readPrefixLists } from './ec2/prefix-lists';
import { readSecurityGroups } from './ec2/security-groups';
import { readNetworkInterfaces } from './ec2/network-interfaces';
import { readInstances } from './ec2/instances';
import { readRouteTables } from './ec2/route-tables';
import { readNetworkAcls } from './ec2/network-acls';
import { readSddc } from './nsx/sddc';
import { readServices } from './nsx/services';
import { readSegments } from './nsx/segments';
import { readGroups } from './nsx/groups';
import { readCgwRules } from './nsx/gateway-rules';
import { readDfwPolicies } from './nsx/dfw-policies';
import { readVms } from './nsx/vms';
import { readLinkedVpc } from './nsx/linked-vpc';
import { readGuestFirewalls } from './guest-firewalls';
import { readSsmNodes } from './ssm-nodes';
import type { SnapshotWarning } from './snapshot-warning';

export interface LoadSnapshotOptions {
  /** Seed of the world's id generator; default a hash of the files, so ids minted later do not collide. */
  seed?: number;
  clock?: () => number;
  latency?: LatencyProfile;
  /** NSX: hears objects loaded with a caveat (unknown expression or entry types, dangling group or service references). */
  onWarning?: (w: SnapshotWarning) => void;
}

/** A loaded snapshot: the world and what was loaded with a caveat or around a missing reference. */
export interface LoadedSnapshot {
  world: World;
  warnings: SnapshotWarning[];
}

/** Builds a World from a snapshot's files (paths relative to the folder → text). Synchronous and pure. */
export function worldFromSnapshotFiles(snapshot: ReadonlyMap<string, string>, options: LoadSnapshotOptions = {}): World {
  return readSnapshot(snapshot, options).world;
}

/**
 * Like worldFromSnapshotFiles, with the warnings.
 * Safety net: an error a reader did not anticipate (not a SnapshotError) becomes a SnapshotError naming
 * the file being read, so odd content is a message about that file, never an internal error.
 */
export function readSnapshot(snapshot: ReadonlyMap<string, string>, options: LoadSnapshotOptions = {}): LoadedSnapshot {
  const src = new SnapshotSource(snapshot, options.onWarning);
  try {
    return readWorld(src, options);
  } catch (e) {
    if (e instanceof SnapshotError || src.lastRead === undefined) throw e;
    const file = src.lastRead;
    throw new SnapshotError(
      file,
      '',
      `${file} holds something vmc-reach cannot read (${(e as Error).message ?? String(e)}). Check it against the service's own output or ${reexportHint(file).replace(/^Fix it in the file, or e/, 'e')} If the file is as the service wrote it, please report it with the file.`,
      { cause: e },
    );
  }
}

function readWorld(src: SnapshotSource, options: LoadSnapshotOptions): LoadedSnapshot {
  const manifest = src.read(files.manifest, manifestSchema);
  const accountId = manifest.accountId ?? src.read(files.vpcs, vpcsSchema).Vpcs[0]?.OwnerId;
  const world = new World({
    region: manifest.region,
    seed: options.seed ?? contentSeed(src.files),
    ...(accountId !== undefined ? { accountId } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.latency ? { latency: options.latency } : {}),
  });
  // Order matters: each reader checks references to what the earlier ones loaded.
  readVpcs(src, world);
  readSubnets(src, world);
  readPrefixLists(src, world);
  readSecurityGroups(src, world);
  readNetworkInterfaces(src, world);
  readInstances(src, world);
  readRouteTables(src, world);
  readNetworkAcls(src, world);
  readSddc(src, world);
  readServices(src, world);
  readSegments(src, world);
  readGroups(src, world);
  readCgwRules(src, world);
  readDfwPolicies(src, world);
  readVms(src, world);
  readLinkedVpc(src, world);
  readGuestFirewalls(src, world);
  readSsmNodes(src, world);
  world.touch();
  return { world, warnings: src.warnings };
}

/** Reads the snapshot folder `dir` into a World. Asynchronous (file reads); throws SnapshotError. */
export async function loadSnapshot(dir: string, options: LoadSnapshotOptions = {}): Promise<World> {
  return worldFromSnapshotFiles(await readSnapshotFiles(dir), options);
}

/** Reads the snapshot folder `dir`, with the warnings. */
export async function loadSnapshotWithWarnings(dir: string, options: LoadSnapshotOptions = {}): Promise<LoadedSnapshot> {
  return readSnapshot(await readSnapshotFiles(dir), options);
}
