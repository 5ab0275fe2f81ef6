// Collects the hops of one verdict as the path is walked; the first block ends the walk.
import type { ReasonCode } from './reason-codes';
import type { Assumption, Block, Fix, Hop, PathDirection, VerdictStatus } from './verdict';

export class Trace {
  readonly hops: Hop[] = [];
  block: Block | null = null;
  readonly assumptions: Assumption[] = [];

  allow(hop: Omit<Hop, 'outcome'>): true {
    (hop as Hop).outcome = 'allow';
    this.hops.push(hop as Hop);
    return true;
  }

  deny(hop: Omit<Hop, 'outcome' | 'code'>, code: ReasonCode, fix: Fix): false {
    const h = hop as Hop;
    h.outcome = 'block';
    h.code = code;
    this.hops.push(h);
    this.block = { code, direction: hop.path, resource: hop.resource, hopIndex: this.hops.length - 1, fix };
    return false;
  }

  /**
   * A hop the data cannot decide: recorded as `indeterminate` with what is missing, and the walk goes on
   * as if it allowed (a later definite block still makes the flow unreachable).
   */
  indeterminate(hop: Omit<Hop, 'outcome'>, assumption: Omit<Assumption, 'path' | 'hopKind' | 'resource'> & { resource?: Assumption['resource'] }): true {
    (hop as Hop).outcome = 'indeterminate';
    this.hops.push(hop as Hop);
    this.assumptions.push({ ...assumption, path: hop.path, hopKind: hop.kind, resource: assumption.resource ?? hop.resource });
    return true;
  }

  get status(): VerdictStatus {
    if (this.block) return 'unreachable';
    return this.assumptions.length > 0 ? 'indeterminate' : 'reachable';
  }

  /** A stateful filter passing a reply of an allowed request. */
  stateful(path: PathDirection, hop: Omit<Hop, 'outcome' | 'path' | 'matched' | 'stateful' | 'detail'>, what: string): true {
    return this.allow({ path, kind: hop.kind, resource: hop.resource, via: hop.via, matched: null, stateful: true, detail: `reply of an allowed flow: ${what} is stateful` });
  }
}
