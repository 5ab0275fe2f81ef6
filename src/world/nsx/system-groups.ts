// The read-only tier-0 groups VMC predefines for CGW rules. Membership of `connected_vpc` is the linked
// VPC's CIDRs; the others are kept for reference and match nothing in this model.
import type { Group } from './types';

export const connectedVpcGroupPath = '/infra/tier-0s/vmc/groups/connected_vpc';

/** The `domain` the tier-0 groups carry in this model (NSX files them under `/infra/tier-0s/vmc`, not a domain). */
export const tier0Domain = 'tier-0';

export function systemGroups(): Group[] {
  const sys = (id: string, displayName: string): Group => ({
    id,
    domain: tier0Domain,
    displayName,
    path: `/infra/tier-0s/vmc/groups/${id}`,
    expression: [],
    revision: 0,
    tags: [],
    systemOwned: true,
  });
  return [
    sys('connected_vpc', 'Connected VPC Prefixes'),
    sys('s3_prefixes', 'S3 Prefixes'),
    sys('directConnect_prefixes', 'Direct Connect Prefixes'),
  ];
}
