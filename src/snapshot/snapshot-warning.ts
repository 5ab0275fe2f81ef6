// A warning of the snapshot reader: something the export refers to but does not hold (a group of a
// peered VPC or another account, an ENI's group outside the export, a NACL association to a deleted
// subnet, a route to a deleted ENI, a prefix list without its entries). The snapshot still loads; a
// flow that depends on the missing object gets an indeterminate verdict naming it.
export interface SnapshotWarning {
  /** The file that holds the reference, e.g. `aws/describe-network-interfaces.json`. */
  file: string;
  /** Where in the file, e.g. `NetworkInterfaces[3].Groups[0].GroupId`. */
  field: string;
  /** The id that is not in the snapshot (absent for an object loaded with a caveat, e.g. an unknown NSX expression type). */
  missing?: string;
  /** One sentence: what is missing, what the engine does about it, and how to add it. */
  message: string;
}

/** One line per warning, as discovery and the CLI print them. */
export const formatSnapshotWarning = (w: SnapshotWarning): string => `warning: ${w.message}`;
