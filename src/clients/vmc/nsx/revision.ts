// NSX's optimistic locking, client side: a write answered 412 (the object's `_revision` moved on) is
// tried again after reading the object afresh, up to `attempts` times in all.
import { isVmcApiError } from '../errors';
import type { Transport } from '../transport';

export async function retryOnStaleRevision<T>(
  transport: Transport,
  what: string,
  write: (attempt: number) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(attempt);
    } catch (e) {
      if (!isVmcApiError(e) || e.status !== 412 || attempt >= attempts) throw e;
      transport.log(`nsx ${what} → 412 (stale _revision): reading it again, attempt ${attempt + 1}/${attempts}`);
    }
  }
}
