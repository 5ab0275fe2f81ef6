// The NSX wire shapes (zod) and their world ⇄ JSON conversions, one definition each: used by the mock
// (mocks/vmc/nsx), the snapshot reader/writer (src/snapshot/nsx) and the VMC client (src/clients/vmc).
export * from './common';
export * from './groups';
export * from './services';
export * from './rules';
export * from './segments';
export * from './vms';
export * from './linked-vpcs';
export * from './security-policies';
