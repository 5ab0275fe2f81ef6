// NSX list calls, every page: `page_size` on each request and the previous page's `cursor` until a
// page comes back without one (NSX leaves it off the last page).
import type { z } from 'zod';
import { VmcClientError } from '../errors';
import { listPageSchema } from '../schemas';
import type { Session } from '../session';

export const defaultPageSize = 1000;

export async function listAll<T extends z.ZodType>(
  session: Session,
  url: string,
  item: T,
  pageSize = defaultPageSize,
): Promise<z.output<T>[]> {
  const out: z.output<T>[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await session.get('nsx', url, listPageSchema(item), { page_size: pageSize, cursor });
    out.push(...(page.results as z.output<T>[]));
    cursor = page.cursor;
    if (cursor !== undefined) {
      if (seen.has(cursor)) throw new VmcClientError(`NSX GET ${new URL(url).pathname}: the cursor repeats; paging would not end`);
      seen.add(cursor);
    }
  } while (cursor);
  return out;
}
