// AWS handlers: EC2 Query (form body with `Action=`, XML out) and SSM JSON 1.1 (`x-amz-target:
// AmazonSSM.*`), both on `POST /` of any origin, told apart the way one loopback port must: by the
// SSM target header, else by the form body. Run Command's scripts run with the context's script
// runner (given when the context is created); creating the handlers changes nothing.
import { http, type RequestHandler } from 'msw';
import type { MockContext } from '../mock-context';
import { answerEc2Held } from './ec2/dispatch';
import { answerSsmHeld } from './ssm/dispatch';
import { ssmTargetPrefix } from './protocols/ssm-json';

const atRoot = (request: Request): boolean => new URL(request.url).pathname === '/';

export function awsHandlers(ctx: MockContext): RequestHandler[] {
  return [
    http.post(
      ({ request }) => atRoot(request) && (request.headers.get('x-amz-target') ?? '').startsWith(ssmTargetPrefix),
      async ({ request }) => answerSsmHeld(ctx, request.headers.get('x-amz-target')!, await request.text(), request.signal),
    ),
    http.post(
      ({ request }) => atRoot(request) && (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded'),
      async ({ request }) => answerEc2Held(ctx, await request.text(), request.signal),
    ),
  ];
}
