// The ledger types a run may record, one per resource kind (src/harness/resources/index.ts holds the
// kind for each, and checks at compile time that the table and this list name the same types). A leaf
// module, so the run context can name the type without importing the kinds that import it.
/** Every type a run may record in its ledger. */
export type LedgerType =
  | 'ec2:vpc'
  | 'ec2:security-group'
  | 'ec2:security-group-rule'
  | 'ec2:subnet'
  | 'ec2:route-table'
  | 'ec2:route-table-association'
  | 'ec2:network-acl'
  | 'ec2:network-acl-association'
  | 'ec2:instance'
  | 'nsx:segment'
  | 'nsx:segment-connectivity'
  | 'nsx:group'
  | 'nsx:cgw-rule'
  | 'nsx:dfw-policy'
  | 'nsx:dfw-rule'
  | 'nsx:dfw-default-rule'
  | 'nsx:vm';
