// What every lab backend offers (the namespace backend today): build a plan, apply a changed one to the
// running lab at once, run a command on a node, inspect a namespace, close. A node is named by the plan's
// namespace name or any reference findNode() accepts (instance id, VM external id, mi- id, Name, IP).

export interface ExecResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

/** How a command runs on a node. */
export interface ExecOptions {
  /**
   * Run the host's binaries in the node's network namespace only. The namespace backend always does; the
   * container backend otherwise runs the guest's own (busybox) binaries inside the container.
   */
  hostTools?: boolean;
  /** Called with the first line the command prints (a listener saying it listens). */
  onFirstLine?: (line: string) => void;
  /** Aborting kills the command; exec then resolves with what it printed so far. */
  signal?: AbortSignal;
}

export interface BuildReport {
  runId: string;
  namespaces: number;
  links: number;
  durationMs: number;
}

export interface ApplyReport {
  /** The lab's shape changed (nodes or links): it was rebuilt. */
  rebuilt: boolean;
  /** Namespaces whose addresses, routes or rules were replaced. */
  changed: string[];
  durationMs: number;
}

/** A namespace as the kernel shows it: for sealing checks. */
export interface NamespaceInspection {
  namespace: string;
  /** `ip -d -o link show` */
  links: string;
  /** `ip -o addr show` */
  addresses: string;
  /** `ip route show table all` */
  routes: string;
  /** `ip rule show` */
  rules: string;
}
