// The mock world's endpoint at an address: the instance (not terminated) or the SDDC VM that holds it.
import type { EndpointRef } from '../../../src/network';
import type { World } from '../../../src/world';

/** The instance (not terminated) or VM that holds this address. */
export function endpointAt(world: World, ip: string): EndpointRef | undefined {
  for (const inst of world.ec2.instances.values()) {
    if (inst.state !== 'terminated' && inst.privateIpAddress === ip) return { kind: 'instance', instanceId: inst.instanceId };
  }
  for (const vm of world.nsx.vms.values()) if (vm.ipAddresses.includes(ip)) return { kind: 'vm', externalId: vm.externalId };
  return undefined;
}
