// Collects the hops of one verdict as the path is walked; the first block ends the walk. A brief trace
// (for matrix cells) keeps only what the verdict's status needs: the block's code and path and the
// assumptions; the steps then build neither the allowed hops nor the block's hop and fix.
import type { ReasonCode } from './reason-codes';
import type { Assumption, Block, BlockBrief, Fix, Hop, PathDirection, VerdictStatus } from './verdict';

export class Trace {
  readonly hops: Hop[] = [];
  block: Block | null = null;
  /** The first block's code and path, in both modes (`block` holds the rest of it when not brief). */
  blocked: BlockBrief | null = null;
  readonly assumptions: Assumption[] = [];

  /**
   * `brief`: a step that allows returns `c.trace.brief || c.trace.allow(…)` and one that blocks calls
   * `blockedBrief` instead of building the hop and the fix; the walk takes the same turns either way.
   */
  constructor(readonly brief = false) {}

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
    this.blocked = this.block;
    return false;
  }

  /** A block in a brief trace: its code and path only. */
  blockedBrief(path: PathDirection, code: ReasonCode): false {
    this.blocked = { code, direction: path };
    return false;
  }

  /**
   * A hop the data cannot decide: recorded as `indeterminate` with what is missing, and the walk goes on
   * as if it allowed (a later definite block still makes the flow unreachable). Brief traces record it
   * in full too (it is rare, and the assumptions are part of the verdict).
   */
  indeterminate(
    hop: Omit<Hop, 'outcome'>,
    assumption: Omit<Assumption, 'path' | 'hopKind' | 'resource'> & { resource?: Assumption['resource'] },
  ): true {
    (hop as Hop).outcome = 'indeterminate';
    this.hops.push(hop as Hop);
    this.assumptions.push({ ...assumption, path: hop.path, hopKind: hop.kind, resource: assumption.resource ?? hop.resource });
    return true;
  }

  get status(): VerdictStatus {
    if (this.blocked) return 'unreachable';
    return this.assumptions.length > 0 ? 'indeterminate' : 'reachable';
  }

  /** A stateful filter passing a reply of an allowed request. */
  stateful(path: PathDirection, hop: Omit<Hop, 'outcome' | 'path' | 'matched' | 'stateful' | 'detail'>, what: string): true {
    return (
      this.brief ||
      this.allow({
        path,
        kind: hop.kind,
        resource: hop.resource,
        via: hop.via,
        matched: null,
        stateful: true,
        detail: `reply of an allowed flow: ${what} is stateful`,
      })
    );
  }
}
