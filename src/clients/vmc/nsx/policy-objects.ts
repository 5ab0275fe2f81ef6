// One collection of NSX policy objects (segments, groups, rules): list (every page), get, find (404 →
// undefined), PATCH create-or-merge then read back, PUT create-or-replace with the current `_revision`,
// DELETE (404 → false; "still referenced" optionally retried, as NSX cleanup sometimes needs). A 412
// re-reads and retries. With a WriteQueue, writes run one at a time (rules).
import type { z } from 'zod';
import { isReferencedError, isVmcApiError } from '../errors';
import { expectShape } from '../schemas';
import type { Session } from '../session';
import { listAll } from './paging';
import { retryOnStaleRevision } from './revision';
import type { WriteQueue } from './write-queue';

export interface DeleteOptions {
  /** Retries while NSX says the object is still referenced (500030), e.g. right after deleting a rule. */
  whileReferenced?: { retries: number; delayMs: number };
}

type Body = Record<string, unknown>;

export class PolicyObjects<S extends z.ZodType<{ id: string; path: string; _revision: number }>, B extends object> {
  constructor(
    private readonly session: Session,
    /** Collection URL, e.g. `{policy}/infra/tier-1s/cgw/segments`. */
    readonly url: string,
    private readonly schema: S,
    private readonly kind: string,
    private readonly queue?: WriteQueue,
  ) {}

  private one(id: string): string {
    return `${this.url}/${encodeURIComponent(id)}`;
  }

  private write<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue ? this.queue.run(fn) : fn();
  }

  list(pageSize?: number): Promise<z.output<S>[]> {
    return listAll(this.session, this.url, this.schema, pageSize);
  }

  get(id: string): Promise<z.output<S>> {
    return this.session.get('nsx', this.one(id), this.schema);
  }

  /** The object, or undefined when NSX answers 404. */
  async find(id: string): Promise<z.output<S> | undefined> {
    try {
      return await this.get(id);
    } catch (e) {
      if (isVmcApiError(e) && e.status === 404) return undefined;
      throw e;
    }
  }

  /**
   * PATCH (create, or merge the given fields), then GET it back. A body carrying `_revision` (a
   * read-modify-write) gets the current one when a 412 makes the client read again.
   */
  async patch(id: string, body: B): Promise<z.output<S>> {
    await this.write(() =>
      retryOnStaleRevision(this.session.transport, `PATCH ${this.kind} ${id}`, async (attempt) => {
        const payload: Body = { ...(body as Body) };
        if (attempt > 1 && '_revision' in payload) {
          const current = await this.find(id);
          if (current) payload._revision = current._revision;
          else delete payload._revision;
        }
        await this.session.call('nsx', 'PATCH', this.one(id), { body: payload });
      }),
    );
    return this.get(id);
  }

  /** PUT: creates, or replaces the whole object (fields not given go back to their defaults) at its current `_revision`. */
  put(id: string, body: B): Promise<z.output<S>> {
    return this.write(() =>
      retryOnStaleRevision(this.session.transport, `PUT ${this.kind} ${id}`, async () => {
        const current = await this.find(id);
        const payload: Body = { ...(body as Body) };
        if (current) payload._revision = current._revision;
        else delete payload._revision;
        const res = await this.session.call('nsx', 'PUT', this.one(id), { body: payload });
        return expectShape(this.schema, res, `NSX PUT ${new URL(this.one(id)).pathname}`);
      }),
    );
  }

  /** DELETE; false when it did not exist (404). */
  delete(id: string, options: DeleteOptions = {}): Promise<boolean> {
    return this.write(async () => {
      const retries = options.whileReferenced?.retries ?? 0;
      for (let attempt = 0; ; attempt++) {
        try {
          await this.session.call('nsx', 'DELETE', this.one(id));
          return true;
        } catch (e) {
          if (isVmcApiError(e) && e.status === 404) return false;
          if (!isReferencedError(e) || attempt >= retries) throw e;
          this.session.transport.log(
            `nsx DELETE ${this.kind} ${id}: still referenced, retry ${attempt + 1}/${retries} in ${options.whileReferenced!.delayMs} ms`,
          );
          await this.session.transport.pause(options.whileReferenced!.delayMs);
        }
      }
    });
  }
}
