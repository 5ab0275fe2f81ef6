// Resolves what a user types for an endpoint (EC2 Name tag, instance id, VM display name, VM external id,
// or an IP) to one endpoint of the world, with errors that list the candidates.
import type { World } from '../world';
import { nameTag } from '../world';
import type { EndpointRef } from './flow';
import { missingAddress } from './endpoints';

export class RefError extends Error {
  override readonly name = 'RefError';
}

interface Candidate {
  ref: EndpointRef;
  label: string;
  keys: string[];
}

function candidates(world: World): Candidate[] {
  const out: Candidate[] = [];
  for (const i of world.ec2.instances.values()) {
    if (i.state === 'terminated') continue;
    const name = nameTag(i.tags);
    const ip: string | undefined = i.privateIpAddress || undefined;
    out.push({
      ref: { kind: 'instance', instanceId: i.instanceId },
      label: `EC2 ${name ?? i.instanceId} (${i.instanceId}, ${ip ?? 'no IPv4 address'})`,
      keys: [i.instanceId, ...(ip ? [ip] : []), ...(name ? [name] : [])],
    });
  }
  for (const vm of world.nsx.vms.values()) {
    out.push({
      ref: { kind: 'vm', externalId: vm.externalId },
      label: `VM ${vm.displayName} (${vm.ipAddresses.join(', ') || 'no IP'})`,
      keys: [vm.externalId, vm.displayName, ...vm.ipAddresses],
    });
  }
  return out;
}

/**
 * One endpoint for `text`; exact matches first, then case-insensitive names. An endpoint without an IPv4
 * address is found but refused: no flow can be evaluated to or from it.
 */
export function resolveRef(world: World, text: string, flag: string): EndpointRef {
  const all = candidates(world);
  let hits = all.filter((c) => c.keys.includes(text));
  if (hits.length === 0) hits = all.filter((c) => c.keys.some((k) => k.toLowerCase() === text.toLowerCase()));
  if (hits.length === 1) {
    const none = missingAddress(world, hits[0]!.ref);
    if (none)
      throw new RefError(
        `${flag} "${text}": ${none.kind === 'vm' ? 'VM' : 'EC2 instance'} ${none.name} has no IPv4 address in the snapshot: ${none.reason}.`,
      );
    return hits[0]!.ref;
  }
  if (hits.length > 1) {
    throw new RefError(
      `${flag} "${text}" is ambiguous; it matches ${hits.map((h) => h.label).join('; ')}. Use an instance id, VM external id or IP instead.`,
    );
  }
  const known = all.map((c) => c.label).join('; ') || 'none';
  throw new RefError(`${flag} "${text}" matches no EC2 instance or SDDC VM in the snapshot. Known endpoints: ${known}.`);
}
