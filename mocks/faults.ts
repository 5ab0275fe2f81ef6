// Faults on demand for every mocked service: throttling, 5xx, timeouts (the answer held until the client
// gives up), eventual-consistency NotFound, expired and rejected credentials, stale revisions. Rules say which service/operation and how many times; a seeded
// generator decides probabilistic ones, so a run is reproducible. Every call is logged with its index,
// so a fault can be aimed at "the Nth API call of a run".
import type { ServiceName } from '../src/world';

export type FaultKind =
  'throttle' | 'server-error' | 'timeout' | 'not-found' | 'expired-token' | 'auth-failure' | 'stale-revision' | 'conflict';

export interface FaultRule {
  service: ServiceName;
  /** Operation name (`RunInstances`, `SendCommand`, `PATCH segment`…); omitted = any. */
  operation?: string;
  fault: FaultKind;
  /** How many matching calls get the fault (default 1); `Infinity` for all. */
  times?: number;
  /** Matching calls to let through before the first fault (default 0). */
  after?: number;
  /** Global call index (0-based, across all services) at which to inject; overrides `after`. */
  atCall?: number;
  /** Global call index from which every matching call gets the fault (up to `times`): credentials that stay expired. */
  fromCall?: number;
  /** Chance per matching call, drawn from the plan's seeded generator (default 1). */
  probability?: number;
}

export interface CallRecord {
  index: number;
  service: ServiceName;
  operation: string;
  fault?: FaultKind;
}

interface RuleState {
  rule: FaultRule;
  seen: number;
  fired: number;
}

export class FaultPlan {
  private rules: RuleState[] = [];
  private random: () => number;
  readonly calls: CallRecord[] = [];
  /**
   * `timeout`: how long an answer is held, at most. The client gives up first (its request timeout), and
   * the call is then dropped unanswered and not acted on; a client still waiting gets the normal answer.
   */
  timeoutHoldMs = 30_000;

  constructor(rules: readonly FaultRule[] = [], seed = 1) {
    let s = seed >>> 0;
    this.random = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 4294967296;
    };
    for (const r of rules) this.add(r);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** Records the call and returns the fault to inject, if any. Dispatchers call it once per request. */
  take(service: ServiceName, operation: string): FaultKind | undefined {
    const index = this.calls.length;
    let fault: FaultKind | undefined;
    for (const st of this.rules) {
      const r = st.rule;
      if (r.service !== service || (r.operation !== undefined && r.operation !== operation)) continue;
      st.seen++;
      if (fault) continue;
      if (st.fired >= (r.times ?? 1)) continue;
      if (r.atCall !== undefined ? r.atCall !== index : r.fromCall !== undefined ? index < r.fromCall : st.seen <= (r.after ?? 0)) continue;
      if (r.probability !== undefined && this.random() >= r.probability) continue;
      st.fired++;
      fault = r.fault;
    }
    this.calls.push({ index, service, operation, ...(fault ? { fault } : {}) });
    return fault;
  }
}
