// What every mock handler gets: the world it answers from and the fault plan. One context serves the
// in-process MSW server and the loopback server alike, so both answer the same way.
import type { World } from '../src/world';
import { FaultPlan } from './faults';

export interface MockContext {
  world: World;
  faults: FaultPlan;
}

export function createMockContext(world: World, faults: FaultPlan = new FaultPlan()): MockContext {
  return { world, faults };
}
