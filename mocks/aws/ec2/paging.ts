// EC2 `MaxResults` / `NextToken` paging. The token is opaque to clients (an offset, base64url-encoded);
// a token the mock did not issue is InvalidPaginationToken. MaxResults has the operation's bounds,
// and cannot be combined with explicit ids, as in EC2.
import { ec2Error } from '../../../src/world';

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

export interface PageBounds {
  min: number;
  max: number;
  /** The id list parameter (`groupIdSet`) that MaxResults cannot be combined with, if given. */
  idsGiven?: string;
}

const encode = (offset: number): string => Buffer.from(`vmc-reach:${offset}`).toString('base64url');

function decode(token: string): number {
  const m = /^vmc-reach:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw ec2Error('InvalidPaginationToken', `Invalid pagination token '${token}'`);
  return Number(m[1]);
}

export function page<T>(items: readonly T[], req: PageRequest, bounds: PageBounds): { page: T[]; nextToken?: string } {
  const { maxResults } = req;
  if (maxResults !== undefined) {
    if (bounds.idsGiven)
      throw ec2Error('InvalidParameterCombination', `The parameter ${bounds.idsGiven} cannot be used with the parameter maxResults`);
    if (maxResults < bounds.min || maxResults > bounds.max) {
      throw ec2Error(
        'InvalidParameterValue',
        `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${bounds.min} and ${bounds.max}.`,
      );
    }
  }
  const start = req.nextToken !== undefined ? decode(req.nextToken) : 0;
  if (maxResults === undefined) return { page: items.slice(start) };
  const end = start + maxResults;
  return { page: items.slice(start, end), ...(end < items.length ? { nextToken: encode(end) } : {}) };
}
