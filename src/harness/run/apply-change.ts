// Changes between probes (the fix of case C, a revoked rule, a segment disconnected), each applied by
// the resource kind it changes (src/harness/resources), which records it in the ledger with its revert.
import type { Change } from '../dsl/spec';
import { applySegmentConnectivity } from '../resources/segment-connectivity';
import { applySgRuleChange } from '../resources/security-group-rule';
import type { Provisioned } from './provisioned';
import type { RunContext } from './run-context';

export async function applyChange(ctx: RunContext, change: Change, out: Provisioned): Promise<string> {
  switch (change.type) {
    case 'authorize':
    case 'revoke':
      return applySgRuleChange(ctx, change, out);
    case 'segment-connectivity':
      return applySegmentConnectivity(ctx, change, out);
  }
}
