// AWS handlers (EC2 Query/XML and SSM JSON 1.1). Being built under the AWS mock issue.
import type { RequestHandler } from 'msw';
import type { MockContext } from '../mock-context';

export function awsHandlers(_ctx: MockContext): RequestHandler[] {
  return [];
}
