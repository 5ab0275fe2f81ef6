// writeSnapshot: a World → a snapshot folder in the services' own JSON shapes, deterministically (keys
// in a fixed order, 2-space JSON, trailing newline, timestamps derived from the world), so that
// loadSnapshot gives back an equivalent world. Optional files are written only when the world has
// their data; describe-security-group-rules.json always is, so rule ids survive the round trip.
import type { World } from '../world';
import { files } from './layout';
import { fileText } from './json-shapes';
import { writeSnapshotFiles } from './snapshot-files';
import { renderVpcs } from './ec2/vpcs';
import { renderSubnets } from './ec2/subnets';
import { renderPrefixLists } from './ec2/prefix-lists';
import { renderSecurityGroups } from './ec2/security-groups';
import { renderSecurityGroupRules } from './ec2/security-group-rules';
import { renderNetworkInterfaces } from './ec2/network-interfaces';
import { renderInstances } from './ec2/instances';
import { renderRouteTables } from './ec2/route-tables';
import { renderNetworkAcls } from './ec2/network-acls';
import { renderSddc } from './nsx/sddc';
import { renderServices } from './nsx/services';
import { renderSegments } from './nsx/segments';
import { renderGroups } from './nsx/groups';
import { renderCgwRules } from './nsx/gateway-rules';
import { renderDfwPolicies } from './nsx/dfw-policies';
import { renderVifs, renderVirtualMachines } from './nsx/vms';
import { renderLinkedVpcs } from './nsx/linked-vpc';
import { renderGuestFirewalls } from './guest-firewalls';
import { renderSsmNodes } from './ssm-nodes';

export interface WriteSnapshotOptions {
  /** What the snapshot shows; goes into manifest.json. */
  description: string;
}

/**
 * The snapshot's files (path relative to the folder → text) for `world`. Synchronous; it settles due
 * instance state transitions first, as DescribeInstances does.
 */
export function snapshotFiles(world: World, options: WriteSnapshotOptions): Map<string, string> {
  const out = new Map<string, string>();
  const put = (file: string, value: unknown): void => {
    if (value !== undefined) out.set(file, fileText(value));
  };
  put(files.manifest, { region: world.region, accountId: world.accountId, description: options.description });
  put(files.instances, renderInstances(world)); // first: settles instance states before anything else is rendered
  put(files.vpcs, renderVpcs(world));
  put(files.subnets, renderSubnets(world));
  put(files.routeTables, renderRouteTables(world));
  put(files.networkAcls, renderNetworkAcls(world));
  put(files.securityGroups, renderSecurityGroups(world));
  put(files.securityGroupRules, renderSecurityGroupRules(world));
  put(files.networkInterfaces, renderNetworkInterfaces(world));
  for (const [file, value] of renderPrefixLists(world)) put(file, value);
  put(files.sddc, renderSddc(world));
  put(files.linkedVpcs, renderLinkedVpcs(world));
  put(files.segments, renderSegments(world));
  put(files.groups, renderGroups(world));
  put(files.cgwRules, renderCgwRules(world));
  put(files.dfwPolicies, renderDfwPolicies(world));
  put(files.services, renderServices(world));
  put(files.virtualMachines, renderVirtualMachines(world));
  put(files.vifs, renderVifs(world));
  put(files.guestFirewalls, renderGuestFirewalls(world));
  put(files.ssmInstances, renderSsmNodes(world));
  return out;
}

/** Writes `world` as a snapshot into `dir` (created if needed) and returns `dir`. */
export async function writeSnapshot(world: World, dir: string, options: WriteSnapshotOptions): Promise<string> {
  await writeSnapshotFiles(dir, snapshotFiles(world, options));
  return dir;
}
