// The VMC/NSX/CSP client's public surface.
export { createVmcClient, defaultCspUrl, defaultVmcUrl, type VmcClient, type VmcClientOptions } from './client';
export { vmcClientOptionsFromEnv } from './env';
export type { ConnectedVpc, VmcDiscovery } from './discovery';
export { VmcApiError, VmcClientError, isVmcApiError, isReferencedError, type VmcService } from './errors';
export { Secret, redact } from './redact';
export type { RetryPolicy } from './retry';
export { NsxClient, nsxBases } from './nsx/nsx-client';
export type { GroupBody, GroupExpressionJson, RuleBody, SegmentBody } from './nsx/bodies';
export type { DeleteOptions } from './nsx/policy-objects';
export type * from './schemas';
