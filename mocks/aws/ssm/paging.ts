// SSM `MaxResults` / `NextToken` paging: an opaque token (an offset, base64url); a token the mock did
// not issue is InvalidNextToken; MaxResults has the operation's bounds and default page size.
import { ssmError } from '../../../src/world';

export interface SsmPageRequest {
  MaxResults?: number | undefined;
  NextToken?: string | undefined;
}

const encode = (offset: number): string => Buffer.from(`vmc-reach-ssm:${offset}`).toString('base64url');

function decode(token: string): number {
  const m = /^vmc-reach-ssm:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw ssmError('InvalidNextToken', 'The specified token is not valid.');
  return Number(m[1]);
}

export function ssmPage<T>(
  items: readonly T[],
  req: SsmPageRequest,
  bounds: { min: number; max: number; default: number },
): { page: T[]; NextToken?: string } {
  const size = req.MaxResults ?? bounds.default;
  if (size < bounds.min || size > bounds.max) {
    throw ssmError(
      'ValidationException',
      `1 validation error detected: Value '${size}' at 'maxResults' failed to satisfy constraint: Member must have value between ${bounds.min} and ${bounds.max}`,
    );
  }
  const start = req.NextToken !== undefined ? decode(req.NextToken) : 0;
  const end = start + size;
  return { page: items.slice(start, end), ...(end < items.length ? { NextToken: encode(end) } : {}) };
}
