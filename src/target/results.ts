// What a run produces, as data: per probe the expectation, the observation (or the infrastructure
// error), the engine's verdict on the discovered configuration and how the two compare; per scenario
// the changes made, the resources created/adopted/changed/removed and the teardown's failures. Reports
// (console matrix, JUnit, evidence pack) are rendered from this.
import type { Verdict } from '../network';
import type { LedgerEntry } from './ledger';

export interface ProbeEndpoint {
  name: string;
  kind: 'instance' | 'vm';
  id: string;
  ip: string;
}

/**
 * How the packets compare with the configuration's verdict. `config-indeterminate`: the data cannot decide
 * the flow (the verdict's assumptions), so the probe is judged by its packets alone.
 */
export type Agreement = 'agree' | 'config-allows-packets-fail' | 'config-blocks-packets-pass' | 'config-indeterminate' | 'not-comparable';

/**
 * How a probe's transcript came about: `model`, written by the embedded mock from the configuration's
 * verdict (no packet was sent; its round-trip times are the mock's); `lab`, real ping output from the lab's
 * namespaces or containers (`--dataplane lab`); `live`, what SSM returned from a real instance or VM.
 */
export type TranscriptOrigin = 'model' | 'lab' | 'live';

/**
 * What a TCP/UDP probe's tools said: `open` (handshake completed, datagram echoed), `refused` (RST or ICMP
 * port unreachable), `filtered` (no answer in time, or an ICMP error from the path), with the listener's
 * report when one was started on the destination.
 */
export interface PortObservation {
  protocol: 'tcp' | 'udp';
  port: number;
  outcome: 'open' | 'refused' | 'filtered';
  detail: string;
  /** How `reachable` was judged from the outcome, in words. */
  judged: string;
  listener?: { command: string; heard: boolean; peer?: string; transcript: string; cancelled?: boolean };
}

/** `tookMs`: SendCommand to the final GetCommandInvocation by the run's clock (for `model`, the time the mock took). */
export type Observation =
  | {
      kind: 'ran';
      reachable: boolean;
      sent: number;
      received: number;
      rttMs: { min: number; avg: number; max: number } | null;
      command: string;
      exitCode: number;
      status: string;
      transcript: string;
      transcriptOrigin: TranscriptOrigin;
      tookMs: number;
      apiCalls: number;
      port?: PortObservation;
    }
  | {
      kind: 'infra-error';
      error: string;
      command: string;
      transcript?: string;
      transcriptOrigin: TranscriptOrigin;
      tookMs: number;
      apiCalls: number;
    };

/** What a probe sent: `icmp` (ping), or TCP/UDP to a port (with a listener started on the destination). */
export interface ProbeKindRecord {
  protocol: 'icmp' | 'tcp' | 'udp';
  port?: number;
  listen?: boolean;
}

/** An attempt of a probe that was retried: what it observed and how it was judged. */
export interface ProbeAttempt {
  observed: Observation;
  agreement: Agreement;
  outcome: 'passed' | 'failed' | 'infra-error';
  reasons: string[];
  startedAt: string;
  durationMs: number;
}

export interface ProbeRecord {
  scenario: string;
  label: string;
  from: ProbeEndpoint;
  to: ProbeEndpoint;
  /** The probe's protocol and port (absent in results written before TCP/UDP probes: ping). */
  probe?: ProbeKindRecord;
  expected: { reachable: boolean; blockedBy?: string; probeError?: string };
  observed: Observation;
  /** The engine's verdict on the configuration discovered through the APIs at probe time. */
  verdict: Verdict | null;
  agreement: Agreement;
  outcome: 'passed' | 'failed' | 'infra-error';
  /** Why the probe failed or could not run, in words. */
  reasons: string[];
  /** Attempts made (a probe that passed after a retry is flaky). */
  attempts: number;
  /** The attempts before the last one, oldest first, when the probe was retried. */
  previousAttempts?: ProbeAttempt[];
  startedAt: string;
  durationMs: number;
}

export interface ScenarioResult {
  title: string;
  file?: string;
  runId: string;
  target: 'mock' | 'live';
  startedAt: string;
  durationMs: number;
  probes: ProbeRecord[];
  changes: { label: string; detail: string }[];
  resources: LedgerEntry[];
  teardown: { removed: number; reverted: number; failed: { type: string; id?: string; error: string }[] };
  /** Set when the scenario could not run at all (provisioning failed …). */
  error?: string;
  /**
   * The configuration the run last discovered through the APIs, as snapshot files (path → JSON text):
   * what the verdicts were computed on, and what the evidence pack draws. Secrets never appear in it.
   */
  discovered?: Record<string, string>;
}
