// How long the services take to move a resource from one state to the next. `instant` for tests;
// `realistic` follows what AWS and VMC take (seconds to minutes), divided by a scale factor so
// orchestration benchmarks can run it quickly.

export interface LatencyProfile {
  /** RunInstances → running. */
  instanceBootMs: number;
  /** Terminate/Stop → terminated/stopped. */
  instanceShutdownMs: number;
  /** Terminated instances stay visible this long, as in EC2 (about an hour). */
  terminatedVisibleMs: number;
  /** Running (with an instance profile) → Online in DescribeInstanceInformation. */
  agentRegistrationMs: number;
  /** SendCommand → the invocation exists (InvocationDoesNotExist before). */
  commandVisibleMs: number;
  /** Pending → InProgress. */
  commandPendingMs: number;
  /** InProgress → terminal (plus the command's own run time, e.g. ping's). */
  commandRunMs: number;
  /** A routed segment's CIDR appears in (or leaves) the managed route tables. */
  segmentRealizationMs: number;
  /** A security group change takes effect on the data plane. */
  sgPropagationMs: number;
  /**
   * Divisor for durations the world derives from what runs (a ping's own run time, from its -c/-i/-W);
   * absent means such durations take no time (the instant profile).
   */
  timeScale?: number;
}

export const instantLatency: LatencyProfile = {
  instanceBootMs: 0,
  instanceShutdownMs: 0,
  terminatedVisibleMs: 3_600_000,
  agentRegistrationMs: 0,
  commandVisibleMs: 0,
  commandPendingMs: 0,
  commandRunMs: 0,
  segmentRealizationMs: 0,
  sgPropagationMs: 0,
};

/** AWS/VMC-like delays divided by `scale` (1 = real time). */
export function realisticLatency(scale = 1): LatencyProfile {
  const s = (ms: number): number => Math.round(ms / scale);
  return {
    instanceBootMs: s(15_000),
    instanceShutdownMs: s(30_000),
    terminatedVisibleMs: 3_600_000,
    agentRegistrationMs: s(60_000),
    commandVisibleMs: s(300),
    commandPendingMs: s(500),
    commandRunMs: s(1_500),
    segmentRealizationMs: s(10_000),
    sgPropagationMs: s(1_000),
    timeScale: scale,
  };
}

export const latencyProfiles = { instant: (): LatencyProfile => instantLatency, realistic: realisticLatency } as const;
