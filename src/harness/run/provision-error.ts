// A scenario could not be provisioned on this target (no default SG visible, no free range left, a VM
// not in the inventory, …): the message says what is missing and what to do.
export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
}
