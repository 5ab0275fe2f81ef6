// SDDC VMs as the NSX realized state reports them (name, tags, IPs, power state, segment).
// VMs are not created through the Policy API; worlds and snapshots add them, and power changes model vCenter.
import { nsxError } from '../errors';
import { isIpv4 } from '../cidr';
import { mustGetNsx, type World } from '../world';
import type { PowerState, Vm } from './types';

export function addVm(world: World, vm: Vm): Vm {
  if (world.nsx.vms.has(vm.externalId)) throw nsxError(500012, `A VM with external id ${vm.externalId} already exists.`, 400);
  for (const ip of vm.ipAddresses) if (!isIpv4(ip)) throw new RangeError(`VM ${vm.displayName}: ${ip} is not an IPv4 address`);
  const copy = structuredClone(vm);
  world.nsx.vms.set(vm.externalId, copy);
  world.touch();
  return copy;
}

export const getVm = (world: World, externalId: string): Vm => mustGetNsx(world.nsx.vms, externalId, `virtual machine ${externalId}`);

export function setVmPowerState(world: World, externalId: string, powerState: PowerState): void {
  getVm(world, externalId).powerState = powerState;
  world.touch();
}

export const listVms = (world: World): Vm[] => [...world.nsx.vms.values()];
