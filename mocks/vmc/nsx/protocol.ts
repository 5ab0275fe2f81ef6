// The NSX Policy API's JSON conventions, in one place: the error body (`ApiError`), the list result with
// `cursor`/`page_size` paging and `sort_by`/`sort_ascending`, PATCH's empty 200, the common policy
// object fields, and the request-body reading that turns bad JSON or unknown fields into NSX 400s.
// Mock notes: `included_fields` is accepted and ignored (whole objects come back); the cursor is the
// offset into the sorted list (opaque to clients, as in NSX); a list is not a consistent snapshot
// across pages (NSX's isn't either). `module_name` is `Policy` for every error (UNCONFIRMED per API).
import { HttpResponse } from 'msw';
import { z } from 'zod';
import { nsxError, type WorldError } from '../../../src/world';
import type { NsxAudit } from './audit';

const statusNames: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  501: 'NOT_IMPLEMENTED',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

export interface NsxErrorOptions {
  details?: string;
  moduleName?: string;
  headers?: Record<string, string>;
}

/** NSX's error body: `{httpStatus, error_code, module_name, error_message, details?, related_errors}`. */
export function nsxErrorResponse(status: number, errorCode: number, message: string, options: NsxErrorOptions = {}): Response {
  return HttpResponse.json(
    {
      httpStatus: statusNames[status] ?? String(status),
      error_code: errorCode,
      module_name: options.moduleName ?? 'Policy',
      error_message: message,
      ...(options.details !== undefined ? { details: options.details } : {}),
      related_errors: [],
    },
    { status, ...(options.headers ? { headers: options.headers } : {}) },
  );
}

/** A world NSX error (code = NSX `error_code`, status) as NSX sends it. */
export const nsxWorldErrorResponse = (e: WorldError): Response => nsxErrorResponse(e.httpStatus, Number(e.code) || 0, e.message);

/** 200 with a JSON body. */
export const nsxJson = (body: unknown, status = 200): Response => HttpResponse.json(body as Record<string, unknown>, { status });

/** PATCH and DELETE answer 200 with an empty body. */
export const nsxEmpty = (): Response => new HttpResponse(null, { status: 200 });

/** `/a/b/segments/x` → `/a/b` */
export const parentPath = (path: string): string => path.split('/').slice(0, -2).join('/');

/** The fields every policy object carries in responses. */
export function policyFields(
  audit: NsxAudit,
  o: { id: string; path: string; revision: number; systemOwned?: boolean },
): Record<string, unknown> {
  return {
    id: o.id,
    path: o.path,
    relative_path: o.id,
    parent_path: parentPath(o.path),
    marked_for_delete: false,
    _system_owned: o.systemOwned ?? false,
    _protection: 'NOT_PROTECTED',
    ...audit.fields(o.path),
    _revision: o.revision,
  };
}

/** NSX `tags`, left out when empty. */
export const tagsJson = (tags: readonly { scope: string; tag: string }[]): Record<string, unknown> =>
  tags.length === 0 ? {} : { tags: tags.map((t) => ({ scope: t.scope, tag: t.tag })) };

const maxPageSize = 1000;

const encodeCursor = (offset: number): string => Buffer.from(`vmc-reach:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number | undefined {
  const m = /^vmc-reach:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : undefined;
}

function compareBy(field: string): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x ?? '').localeCompare(String(y ?? ''));
  };
}

/**
 * An NSX list result over `items`, paged by the query's `page_size` (default and maximum 1000) and
 * `cursor`, sorted by `sort_by`/`sort_ascending` when given. `result_count` is the total.
 */
export function nsxListResponse(query: URLSearchParams, items: Record<string, unknown>[]): Response {
  const pageSizeText = query.get('page_size');
  const pageSize = pageSizeText === null ? maxPageSize : Number(pageSizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    return nsxErrorResponse(400, 255, `Invalid page_size ${pageSizeText}: expected an integer from 1 to ${maxPageSize}.`);
  }
  const cursor = query.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : decodeCursor(cursor);
  if (offset === undefined) return nsxErrorResponse(400, 255, `Invalid cursor ${cursor}: use the cursor of the previous page's result.`);
  const sortBy = query.get('sort_by');
  const ascending = query.get('sort_ascending') !== 'false';
  const sorted = sortBy ? [...items].sort(compareBy(sortBy)) : items;
  if (sortBy && !ascending) sorted.reverse();
  const page = sorted.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return nsxJson({
    results: page,
    result_count: items.length,
    ...(sortBy ? { sort_by: sortBy } : {}),
    sort_ascending: ascending,
    ...(next < items.length ? { cursor: encodeCursor(next) } : {}),
  });
}

/** The fields a client may send back from a GET (read-only; accepted and ignored on writes). */
export const readOnlyFields = {
  resource_type: z.string().optional(),
  id: z.string().optional(),
  path: z.string().optional(),
  relative_path: z.string().optional(),
  parent_path: z.string().optional(),
  marked_for_delete: z.boolean().optional(),
  overridden: z.boolean().optional(),
  unique_id: z.string().optional(),
  realization_id: z.string().optional(),
  _system_owned: z.boolean().optional(),
  _protection: z.string().optional(),
  _create_time: z.number().optional(),
  _create_user: z.string().optional(),
  _last_modified_time: z.number().optional(),
  _last_modified_user: z.string().optional(),
  _revision: z.number().int().optional(),
};

export const tagsSchema = z.array(z.strictObject({ scope: z.string().default(''), tag: z.string() }));

/** Reads a JSON request body against `schema`; bad JSON or fields NSX would not take → NSX 400. */
export async function readBody<T extends z.ZodType>(request: Request, schema: T, what: string): Promise<z.output<T>> {
  const text = await request.text();
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw nsxError(255, `${what}: the request body is not valid JSON.`, 400);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw nsxError(255, `${what}: invalid request body: ${issues}.`, 400);
  }
  return parsed.data;
}

/** The `id` in a body must be the one in the path. */
export function checkBodyId(bodyId: string | undefined, pathId: string, what: string): void {
  if (bodyId !== undefined && bodyId !== pathId)
    throw nsxError(500012, `${what}: the body's id ${bodyId} differs from the id ${pathId} in the path.`, 400);
}
