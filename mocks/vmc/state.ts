// What the VMware side of the mock keeps beside the world: CSP tokens, the options that pick an SDDC
// generation's shapes, and the NSX audit ledger (create/modify times and users, the gateway policy's
// revision), which the world does not model. Attached to the MockContext on first use (mock-context.ts
// builds on this file, so it is not imported back: a context is anything with a world and this state).
import type { World } from '../../src/world';
import { CspTokens, type CspTokenOptions } from './csp/tokens';
import { NsxAudit } from './nsx/audit';

export interface VmwareMockOptions {
  csp?: CspTokenOptions;
  /**
   * How `linked-vpcs` names the active cross-link ENI: `active-eni` (older SDDCs, M16 and before),
   * `traffic-groups` (newer multi-edge SDDCs: only `traffic_group_eni_mappings`), `both` (default).
   */
  linkedVpcStyle?: 'active-eni' | 'traffic-groups' | 'both';
}

export interface VmwareMockState {
  csp: CspTokens;
  audit: NsxAudit;
  linkedVpcStyle: 'active-eni' | 'traffic-groups' | 'both';
}

export function createVmwareState(clock: () => number, options: VmwareMockOptions = {}): VmwareMockState {
  return { csp: new CspTokens(clock, options.csp), audit: new NsxAudit(clock), linkedVpcStyle: options.linkedVpcStyle ?? 'both' };
}

/** The context's VMware state, created with defaults when the context was built without one. */
export function vmwareState(ctx: { world: World; vmware?: VmwareMockState }): VmwareMockState {
  ctx.vmware ??= createVmwareState(ctx.world.clock);
  return ctx.vmware;
}
