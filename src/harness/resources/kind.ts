// What a resource kind is to the harness: the ledger type it records, its line(s) in the `--dry-run`
// plan, its provisioning step, and how teardown removes (or reverts) one of its ledger entries. One
// module per kind implements it; the table in index.ts, keyed by the ledger type, is what plan,
// provisioning and teardown go through.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { NsxClient } from '../../clients/vmc';
import type { LedgerEntry } from '../../target/ledger';
import type { Clock } from '../../target/wait';
import type { ScenarioSpec } from '../dsl/spec';
import type { Provisioned } from '../run/provisioned';
import type { RunContext } from '../run/run-context';

/** What teardown gives a remove step: the clients, the clock, the progress log. */
export interface TeardownClients {
  ec2: EC2Client;
  nsx: NsxClient;
  clock: Clock;
  log(line: string): void;
  /** How long to wait for instances to terminate and dependencies to clear. */
  waitMs: number;
}

/** `skipped`: there was nothing to remove (never created: no id was ever recorded or found). */
export type RemoveOutcome = 'removed' | 'reverted' | 'skipped';

/** A provisioning step: creates (or adopts) what the scenario declares of a kind, ledger first. */
export type ProvisionStep = (ctx: RunContext, spec: ScenarioSpec, out: Provisioned) => Promise<void>;

/** How a kind that removes its entries all at once reports each entry back to teardown. */
export interface SettleTogether {
  /** Never created (no id recorded or found): nothing to remove, nothing to report. */
  neverCreated(e: LedgerEntry): Promise<void>;
  removed(e: LedgerEntry): Promise<void>;
}

export interface ResourceKind<T extends string = string> {
  /** The ledger entry type. */
  readonly type: T;
  /** Its lines in the `--dry-run` plan; absent when another kind's line names its calls (a subnet's route table). */
  plan?(spec: ScenarioSpec): string[];
  /** Absent when another kind's step or a change between probes records it. */
  provision?: ProvisionStep;
  /** Removes, or reverts exactly, one ledger entry of this kind. Every kind has one: a ledger entry must be removable. */
  remove(c: TeardownClients, e: LedgerEntry): Promise<RemoveOutcome>;
  /**
   * Removes every entry of the kind at once, before anything else (instances: one shutdown for all).
   * An entry neither settled here goes through `remove` with the rest, where its failure is reported.
   */
  removeTogether?(c: TeardownClients, entries: LedgerEntry[], settle: SettleTogether): Promise<void>;
}
