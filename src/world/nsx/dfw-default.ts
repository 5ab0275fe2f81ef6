// VMC's default DFW section as an SDDC ships it: policy `default-layer3-section` (category Application,
// last) with the default layer-3 rule `default-layer3-rule`, action ALLOW. Customers change the rule's
// action (e.g. to DROP for a zero-trust SDDC); neither can be deleted.
import type { DfwCategory, DfwPolicy, DfwRule } from './types';

/** DFW categories in evaluation order. */
export const dfwCategories: readonly DfwCategory[] = ['Ethernet', 'Emergency', 'Infrastructure', 'Environment', 'Application'];

export const defaultDfwPolicyId = 'default-layer3-section';
export const defaultDfwRuleId = 'default-layer3-rule';

export const dfwPolicyPath = (id: string): string => `/infra/domains/cgw/security-policies/${id}`;
export const dfwRulePath = (policyId: string, id: string): string => `${dfwPolicyPath(policyId)}/rules/${id}`;

export function defaultDfwRule(): DfwRule {
  return {
    id: defaultDfwRuleId,
    policyId: defaultDfwPolicyId,
    displayName: 'Default Rule',
    path: dfwRulePath(defaultDfwPolicyId, defaultDfwRuleId),
    sequenceNumber: 2147483647,
    sourceGroups: ['ANY'],
    destinationGroups: ['ANY'],
    sourcesExcluded: false,
    destinationsExcluded: false,
    services: ['ANY'],
    scope: ['ANY'],
    action: 'ALLOW',
    direction: 'IN_OUT',
    ipProtocol: 'IPV4_IPV6',
    disabled: false,
    logged: false,
    isDefault: true,
    ruleId: 2,
    revision: 0,
    tags: [],
  };
}

export function defaultDfwPolicy(): DfwPolicy {
  return {
    id: defaultDfwPolicyId,
    path: dfwPolicyPath(defaultDfwPolicyId),
    displayName: 'Default Layer3 Section',
    category: 'Application',
    sequenceNumber: 2147483647,
    scope: ['ANY'],
    stateful: true,
    isDefault: true,
    revision: 0,
    tags: [],
    rules: new Map([[defaultDfwRuleId, defaultDfwRule()]]),
  };
}
