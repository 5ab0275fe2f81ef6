// The EC2 Query dispatcher: one entry point for every action (POST / with `Action=` in the form
// body), an operation table inside. Order of checks: the fault plan (throttling and 5xx come before
// anything, as in EC2), the action (unknown → InvalidAction naming it), the parameters (unknown →
// UnknownParameter), DryRun, then the world. World errors become EC2 XML errors with their status;
// anything else is a 500 InternalError naming the mock, never an empty 200.
import { randomUUID } from 'node:crypto';
import { ec2Error, isWorldError, type WorldError } from '../../../src/world';
import type { FaultKind } from '../../faults';
import type { MockContext } from '../../mock-context';
import { ec2Failure, ec2Success } from '../protocols/ec2-xml';
import { QueryParams } from '../protocols/query-params';
import { holdAnswer } from '../protocols/hold';
import type { Ec2OperationTable } from './operation';
import { vpcOperations } from './vpcs';
import { subnetOperations } from './subnets';
import { routeTableOperations } from './route-tables';
import { networkAclOperations } from './network-acls';
import { securityGroupOperations } from './security-groups';
import { securityGroupRuleOperations } from './security-group-rules';
import { networkInterfaceOperations } from './network-interfaces';
import { instanceOperations } from './instances';
import { tagOperations } from './tags';
import { imageOperations } from './images';
import { availabilityZoneOperations } from './availability-zones';
import { prefixListOperations } from './prefix-lists';

export const ec2Operations: Ec2OperationTable = {
  ...vpcOperations,
  ...subnetOperations,
  ...routeTableOperations,
  ...networkAclOperations,
  ...securityGroupOperations,
  ...securityGroupRuleOperations,
  ...networkInterfaceOperations,
  ...instanceOperations,
  ...tagOperations,
  ...imageOperations,
  ...availabilityZoneOperations,
  ...prefixListOperations,
};

/**
 * Faults that answer before the request is even read: throttling, server errors, and credentials EC2
 * will not take: `RequestExpired` (HTTP 400; EC2's answer to expired temporary credentials or a stale
 * signature) and `AuthFailure` (HTTP 401), with EC2's messages.
 */
function earlyFault(fault: FaultKind): WorldError | undefined {
  if (fault === 'throttle') return ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503);
  if (fault === 'server-error') return ec2Error('InternalError', 'An internal error has occurred.', 500);
  if (fault === 'expired-token') return ec2Error('RequestExpired', 'Request has expired.', 400);
  if (fault === 'auth-failure') return ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
  return undefined;
}

const notApplicable = (fault: FaultKind, action: string): WorldError =>
  ec2Error(
    'VmcReachMock.FaultNotApplicable',
    `vmc-reach mock: the fault '${fault}' does not apply to ec2:${action} (EC2 supports throttle, server-error, timeout, expired-token, auth-failure and, on actions that name resources, not-found).`,
  );

/** `timeout`: the answer is held until the client gives up (then nothing is done) or the hold ends (then answered as usual). */
export async function answerEc2Held(ctx: MockContext, body: string, signal?: AbortSignal): Promise<Response> {
  const action = new URLSearchParams(body).get('Action') ?? '';
  const fault = ctx.faults.take('ec2', action);
  if (fault === 'timeout' && (await holdAnswer(signal, ctx.faults.timeoutHoldMs)))
    return ec2Failure('RequestTimeout', 'vmc-reach mock: the client gave up before the answer', 504, randomUUID());
  return answerEc2(ctx, body, fault === 'timeout' ? { taken: undefined } : { taken: fault });
}

export function answerEc2(ctx: MockContext, body: string, pre?: { taken: FaultKind | undefined }): Response {
  const requestId = randomUUID();
  let action: string | undefined;
  try {
    const p = QueryParams.fromBody(body);
    action = p.str('Action');
    p.str('Version');
    if (!action) throw ec2Error('MissingAction', 'The request must contain the parameter Action');
    const fault = pre ? pre.taken : ctx.faults.take('ec2', action);
    const early = fault && earlyFault(fault);
    if (early) throw early;
    const op = ec2Operations[action];
    if (!op) throw ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`);
    const dryRun = p.bool('DryRun');
    const input = op.parse(p, ctx);
    const unknown = p.unused();
    if (unknown.length > 0) throw ec2Error('UnknownParameter', `The parameter ${unknown[0]} is not recognized`);
    if (fault) {
      const answer = fault === 'not-found' ? op.notFound?.(input) : undefined;
      if (!answer) throw notApplicable(fault, action);
      if (isWorldError(answer)) throw answer;
      return ec2Success(action, requestId, answer);
    }
    if (dryRun) throw ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    return ec2Success(action, requestId, op.run(ctx, input));
  } catch (e) {
    if (isWorldError(e)) return ec2Failure(e.code, e.message, e.httpStatus, requestId);
    const message = e instanceof Error ? e.message : String(e);
    // Not an API error: a bug in the mock. Say so where the person running it will look.
    process.stderr.write(
      `vmc-reach mock: internal error answering ec2:${action ?? '?'}: ${e instanceof Error ? (e.stack ?? message) : message}\n`,
    );
    return ec2Failure('InternalError', `vmc-reach mock internal error: ${message}`, 500, requestId);
  }
}
