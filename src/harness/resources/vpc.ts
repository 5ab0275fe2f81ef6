// The connected VPC (`ec2:vpc`): adopted, never changed or deleted. Its entry records the CIDRs the run
// saw and what the scenario's address tokens resolved to, before any of them is used.
import type { Resolution, VpcAddresses } from '../run/resolve-addresses';
import type { RunContext } from '../run/run-context';
import type { ResourceKind } from './kind';
import { neverRemoved } from './removal';

const type = 'ec2:vpc';

export async function adoptConnectedVpc(ctx: RunContext, addresses: VpcAddresses, resolved: Resolution[]): Promise<void> {
  await ctx.ledger.record({
    action: 'adopted',
    type,
    id: addresses.vpcId,
    name: 'connected VPC',
    details: { cidrs: addresses.cidrs, resolved },
  });
}

export const vpc = { type, remove: neverRemoved } satisfies ResourceKind<typeof type>;
