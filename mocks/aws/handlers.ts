// AWS handlers: EC2 Query (form body with `Action=`, XML out) and SSM JSON 1.1 (`x-amz-target:
// AmazonSSM.*`), both on `POST /` of any origin, told apart the way one loopback port must: by the
// SSM target header, else by the form body. The world's SSM script runner is set to the
// engine-backed one, so Run Command answers ping from the reachability engine.
import { http, type RequestHandler } from 'msw';
import { refuseScripts } from '../../src/world';
import type { MockContext } from '../mock-context';
import { answerEc2Held } from './ec2/dispatch';
import { answerSsmHeld } from './ssm/dispatch';
import { engineScriptRunner } from './ssm/script-runner';
import { ssmTargetPrefix } from './protocols/ssm-json';

const atRoot = (request: Request): boolean => new URL(request.url).pathname === '/';

export function awsHandlers(ctx: MockContext): RequestHandler[] {
  // Only the default refusing runner is replaced: a test may have installed its own.
  if (ctx.world.ssm.scriptRunner === refuseScripts) ctx.world.ssm.scriptRunner = engineScriptRunner;
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
