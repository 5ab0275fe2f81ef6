// The clock-driven instance state machine (pending → running, stopping → stopped, shutting-down →
// terminated → gone) and the removal of an ENI it entails. Kept apart from the operations, depending on
// nothing but the world, so that every module reading ENIs or addresses (network interfaces, subnets,
// security groups) can settle due transitions first without an import cycle.
import type { World } from '../world';
import type { Instance, InstanceStateName } from './types';

const nextState: Partial<Record<InstanceStateName, InstanceStateName>> = {
  pending: 'running',
  'shutting-down': 'terminated',
  stopping: 'stopped',
};

/**
 * Applies due state transitions. Every read and write of instances, and of what an instance owns (its
 * ENI, its address), calls it first. Each transition is timed from the moment the previous one fell
 * due, not from the read, so one long clock jump applies the whole chain (shutting-down → terminated → gone).
 */
export function settleInstances(world: World): void {
  const now = world.clock();
  for (const inst of [...world.ec2.instances.values()]) {
    while (inst.stateTransitionAt !== undefined && inst.stateTransitionAt <= now) {
      const dueAt = inst.stateTransitionAt;
      if (inst.state === 'terminated') {
        world.ec2.instances.delete(inst.instanceId);
        delete inst.stateTransitionAt;
      } else {
        setInstanceState(world, inst, nextState[inst.state]!, dueAt);
      }
      world.touch();
    }
  }
}

/** Moves an instance to `state` at time `at` (default now) and schedules its next transition. */
export function setInstanceState(world: World, inst: Instance, state: InstanceStateName, at = world.clock()): void {
  inst.state = state;
  delete inst.stateTransitionAt;
  if (state === 'pending') inst.stateTransitionAt = at + world.latency.instanceBootMs;
  if (state === 'shutting-down' || state === 'stopping') inst.stateTransitionAt = at + world.latency.instanceShutdownMs;
  if (state === 'terminated') {
    inst.stateTransitionAt = at + world.latency.terminatedVisibleMs;
    // The primary ENI is deleted on termination (DeleteOnTermination), and routes to it go blackhole.
    removeNetworkInterface(world, inst.networkInterfaceId);
  }
}

/** Removes an ENI; routes that targeted it become blackholes, as in EC2. Shared with DeleteNetworkInterface. */
export function removeNetworkInterface(world: World, networkInterfaceId: string): void {
  if (!world.ec2.networkInterfaces.delete(networkInterfaceId)) return;
  for (const rt of world.ec2.routeTables.values()) {
    for (const r of rt.routes) if (r.networkInterfaceId === networkInterfaceId) r.state = 'blackhole';
  }
}
