// The SSM dispatcher: one entry point for every operation (`x-amz-target: AmazonSSM.<Op>`), an
// operation table inside. The fault plan first (ThrottlingException, 5xx), then the operation
// (unknown → UnknownOperationException), the JSON input (malformed → SerializationException, wrong
// shape → ValidationException), then the world. World errors keep their SSM code and status.
import { randomUUID } from 'node:crypto';
import { isWorldError, ssmError, type WorldError } from '../../../src/world';
import type { FaultKind } from '../../faults';
import type { MockContext } from '../../mock-context';
import { ssmFailure, ssmSuccess, ssmTargetPrefix } from '../protocols/ssm-json';
import { holdAnswer } from '../protocols/hold';
import type { SsmOperationTable } from './operation';
import { parameterOperations } from './parameters';
import { instanceInformationOperations } from './instance-information';
import { commandOperations } from './commands';
import { commandInvocationOperations } from './command-invocations';

export const ssmOperations: SsmOperationTable = {
  ...parameterOperations,
  ...instanceInformationOperations,
  ...commandOperations,
  ...commandInvocationOperations,
};

/** Credentials SSM will not take: `ExpiredTokenException` and `UnrecognizedClientException`, both HTTP 400 as SSM sends them. */
function earlyFault(fault: FaultKind): WorldError | undefined {
  if (fault === 'throttle') return ssmError('ThrottlingException', 'Rate exceeded');
  if (fault === 'server-error') return ssmError('InternalServerError', 'An internal error occurred.', 500);
  if (fault === 'expired-token') return ssmError('ExpiredTokenException', 'The security token included in the request is expired', 400);
  if (fault === 'auth-failure')
    return ssmError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400);
  return undefined;
}

/** `timeout`: the answer is held until the client gives up (then nothing is done) or the hold ends (then answered as usual). */
export async function answerSsmHeld(ctx: MockContext, target: string, body: string, signal?: AbortSignal): Promise<Response> {
  const fault = ctx.faults.take('ssm', target.slice(ssmTargetPrefix.length));
  if (fault === 'timeout' && (await holdAnswer(signal, ctx.faults.timeoutHoldMs)))
    return ssmFailure('RequestTimeout', 'vmc-reach mock: the client gave up before the answer', 504, randomUUID());
  return answerSsm(ctx, target, body, { taken: fault === 'timeout' ? undefined : fault });
}

function parseJson(body: string): unknown {
  try {
    return body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw ssmError('SerializationException', 'The request body is not valid JSON.');
  }
}

export function answerSsm(ctx: MockContext, target: string, body: string, pre?: { taken: FaultKind | undefined }): Response {
  const requestId = randomUUID();
  try {
    const name = target.slice(ssmTargetPrefix.length);
    const fault = pre ? pre.taken : ctx.faults.take('ssm', name);
    const early = fault && earlyFault(fault);
    if (early) throw early;
    const op = ssmOperations[name];
    if (!op)
      throw ssmError('UnknownOperationException', `The operation ${name} is not supported by the vmc-reach mock (x-amz-target ${target}).`);
    const parsed = op.input.safeParse(parseJson(body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw ssmError(
        'ValidationException',
        `1 validation error detected: ${issue ? `'${issue.path.join('.')}' ${issue.message}` : 'invalid input'}`,
      );
    }
    if (fault) {
      const answer = fault === 'not-found' ? op.notFound?.(parsed.data) : undefined;
      if (answer === undefined) {
        throw ssmError(
          'VmcReachMock.FaultNotApplicable',
          `vmc-reach mock: the fault '${fault}' does not apply to ssm:${name} (SSM supports throttle, server-error, timeout, expired-token, auth-failure and not-found on GetCommandInvocation, ListCommandInvocations and DescribeInstanceInformation).`,
        );
      }
      if (isWorldError(answer)) throw answer;
      return ssmSuccess(answer, requestId);
    }
    return ssmSuccess(op.run(ctx, parsed.data), requestId);
  } catch (e) {
    if (isWorldError(e)) return ssmFailure(e.code, e.message, e.httpStatus, requestId);
    const message = e instanceof Error ? e.message : String(e);
    // Not an API error: a bug in the mock. Say so where the person running it will look.
    process.stderr.write(
      `vmc-reach mock: internal error answering ssm:${target.slice(ssmTargetPrefix.length)}: ${e instanceof Error ? (e.stack ?? message) : message}\n`,
    );
    return ssmFailure('InternalServerError', `vmc-reach mock internal error: ${message}`, 500, requestId);
  }
}
