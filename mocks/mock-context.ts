// What every mock handler gets: the world it answers from, the fault plan, and the script runner Run
// Command's scripts run with. One context serves the in-process MSW server and the loopback server
// alike, so both answer the same way. The runner is the context's, given when it is created, never the
// world's: the world holds state only, and creating handlers changes nothing.
import { refuseScripts, type ScriptRunner, type World } from '../src/world';
import { FaultPlan } from './faults';
import { createVmwareState, type VmwareMockOptions, type VmwareMockState } from './vmc/state';

export interface MockContext {
  world: World;
  faults: FaultPlan;
  /** What SSM Run Command's scripts print: the engine's (aws/ssm/script-runner.ts), the lab's, or refuseScripts. */
  readonly scriptRunner: ScriptRunner;
  /** The VMware side's own state (CSP tokens, NSX audit ledger); created on first use when absent. */
  vmware?: VmwareMockState;
}

export interface MockContextOptions {
  /** CSP tokens and SDDC-generation options of the VMware side. */
  vmware?: VmwareMockOptions;
  /**
   * Runs SendCommand's scripts: engineScriptRunner answers ping and the probe commands from the
   * reachability engine, labScriptRunner runs them in the lab. Default: refuseScripts, every script
   * fails with exit code 127 (a mock never says yes by default).
   */
  scriptRunner?: ScriptRunner;
}

export function createMockContext(world: World, faults: FaultPlan = new FaultPlan(), options: MockContextOptions = {}): MockContext {
  return { world, faults, scriptRunner: options.scriptRunner ?? refuseScripts, vmware: createVmwareState(world.clock, options.vmware) };
}
