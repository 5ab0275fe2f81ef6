// Guest (host) firewalls ⇄ guest-firewalls.json, our one non-service file: keyed by instance id or VM
// external id, each a `GuestFirewall` (src/world/ec2/types.ts). Written only when some endpoint has one.
import type { GuestFirewall, World } from '../world';
import { files } from './layout';
import { guestFirewallsSchema, type GuestFirewallsJson } from './schemas/guest-firewalls';
import type { SnapshotSource } from './snapshot-source';
import { SnapshotError } from './snapshot-error';

const toFirewall = (f: GuestFirewallsJson[string]): GuestFirewall => ({
  defaultInbound: f.defaultInbound,
  rules: f.rules.map((r) => ({
    action: r.action,
    protocol: r.protocol,
    ...(r.sourceCidr !== undefined ? { sourceCidr: r.sourceCidr } : {}),
    ...(r.port !== undefined ? { port: r.port } : {}),
  })),
});

export function readGuestFirewalls(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.guestFirewalls, guestFirewallsSchema);
  for (const [key, firewall] of Object.entries(json ?? {})) {
    const target = world.ec2.instances.get(key) ?? world.nsx.vms.get(key);
    if (!target) {
      throw new SnapshotError(
        files.guestFirewalls,
        key,
        `${files.guestFirewalls}: ${key}: is neither an instance in ${files.instances} nor a VM external_id in ${files.virtualMachines}. ` +
          'Key each firewall by the instance id (i-…) or the VM external id, or remove the entry.',
      );
    }
    target.guestFirewall = toFirewall(firewall);
  }
}

export function renderGuestFirewalls(world: World): unknown {
  const out: Record<string, GuestFirewall> = {};
  for (const i of world.ec2.instances.values()) if (i.guestFirewall) out[i.instanceId] = structuredClone(i.guestFirewall);
  for (const v of world.nsx.vms.values()) if (v.guestFirewall) out[v.externalId] = structuredClone(v.guestFirewall);
  return Object.keys(out).length === 0 ? undefined : out;
}
