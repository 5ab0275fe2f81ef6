// What every mock handler gets: the world it answers from and the fault plan. One context serves the
// in-process MSW server and the loopback server alike, so both answer the same way.
import type { World } from '../src/world';
import { FaultPlan } from './faults';
import { createVmwareState, type VmwareMockOptions, type VmwareMockState } from './vmc/state';

export interface MockContext {
  world: World;
  faults: FaultPlan;
  /** The VMware side's own state (CSP tokens, NSX audit ledger); created on first use when absent. */
  vmware?: VmwareMockState;
}

export interface MockContextOptions {
  /** CSP tokens and SDDC-generation options of the VMware side. */
  vmware?: VmwareMockOptions;
}

export function createMockContext(world: World, faults: FaultPlan = new FaultPlan(), options: MockContextOptions = {}): MockContext {
  return { world, faults, vmware: createVmwareState(world.clock, options.vmware) };
}
