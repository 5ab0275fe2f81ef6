// The read-only tier-0 groups VMC predefines for CGW rules. Membership of `connected_vpc` is the linked
// VPC's CIDRs; the others are kept for reference and match nothing in this model.
import type { Group } from './types';

export const connectedVpcGroupPath = '/infra/tier-0s/vmc/groups/connected_vpc';

export function systemGroups(): Group[] {
  const sys = (id: string, displayName: string): Group => ({
    id,
    domain: 'tier-0',
    displayName,
    path: `/infra/tier-0s/vmc/groups/${id}`,
    expression: [],
    revision: 0,
    tags: [],
    systemOwned: true,
  });
  return [sys('connected_vpc', 'Connected VPC Prefixes'), sys('s3_prefixes', 'S3 Prefixes'), sys('directConnect_prefixes', 'Direct Connect Prefixes')];
}
