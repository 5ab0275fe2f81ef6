// The embedded mock's AWS transport: a request handler for the SDK clients of a mock run that hands each
// request to the mock's EC2 and SSM answers in the same thread. The SDK still builds, signs and serialises
// every request (EC2 Query form bodies, SSM JSON 1.1) and parses every answer (EC2 XML, SSM JSON), so the
// wire format is exactly what crosses HTTP; only the network layer in between is skipped: node's HTTP
// client and MSW's interception of it (a socket, a fetch Request, cookies, for each of ~1,000 calls of a
// run). The routing is MSW's (mocks/aws/handlers.ts): POST / with the SSM target header, else a form body.
// Where it differs from HTTP: there is no socket (no connection errors, keep-alive or 100-continue), and
// the request timeout is a timer that gives up the same way the SDK's node handler does (a TimeoutError
// the SDK retries) and lets a held answer go.
import { Readable } from 'node:stream';
import type { HttpHandlerOptions, HttpRequest, HttpResponse } from '@smithy/types';
import type { InProcessHandler } from '../../src/clients/aws';
import type { MockContext } from '../mock-context';
import { answerEc2Held } from './ec2/dispatch';
import { answerSsmHeld } from './ssm/dispatch';
import { ssmTargetPrefix } from './protocols/ssm-json';

/** The answer of the AWS mock to one request, or undefined when no mock handler takes it (MSW's routing). */
function answer(ctx: MockContext, request: HttpRequest, body: string, signal: AbortSignal): Promise<Response> | undefined {
  if (request.method !== 'POST' || request.path !== '/') return undefined;
  const header = (name: string): string => Object.entries(request.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
  const target = header('x-amz-target');
  if (target.startsWith(ssmTargetPrefix)) return answerSsmHeld(ctx, target, body, signal);
  if (header('content-type').startsWith('application/x-www-form-urlencoded')) return answerEc2Held(ctx, body, signal);
  return undefined;
}

const bodyText = (body: unknown): string => {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  // By its bytes: the SDK's JSON bodies are Uint8Arrays whose string methods (valueOf, which Buffer.from
  // would call) warn that they convert.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error('vmc-reach mock: a streamed request body is not supported in-process (EC2 and SSM send strings)');
};

/** The SDK's abort error (as its node handler builds it). */
function abortError(signal: { reason?: unknown }): Error {
  const reason = signal.reason;
  const e = new Error(reason instanceof Error || reason === undefined ? 'Request aborted' : String(reason));
  e.name = 'AbortError';
  if (reason instanceof Error) e.cause = reason;
  return e;
}

export interface InProcessAwsOptions {
  /** The client's request timeout: past it the call fails with a TimeoutError, as over HTTP. */
  requestTimeoutMs: number;
  /** The hosts this mock answers (the regional EC2 and SSM hosts); any other is refused. */
  hosts: readonly string[];
}

export function inProcessAwsHandler(ctx: MockContext, o: InProcessAwsOptions): InProcessHandler {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
      const signal = options.abortSignal as (AbortSignal & { reason?: unknown }) | undefined;
      if (signal?.aborted) return Promise.reject(abortError(signal));
      if (!o.hosts.includes(request.hostname)) {
        return Promise.reject(new Error(`vmc-reach mock: in-process AWS answers ${o.hosts.join(' and ')} only, not ${request.hostname}`));
      }
      // The mock's own signal: aborted when the caller aborts or the timeout fires, so a held answer ends.
      const gone = new AbortController();
      return new Promise((resolve, reject) => {
        const timeoutMs = options.requestTimeout ?? o.requestTimeoutMs;
        const timer =
          timeoutMs > 0
            ? setTimeout(() => {
                gone.abort();
                reject(
                  Object.assign(
                    new Error(`vmc-reach mock (in-process) - a request has exceeded the configured ${timeoutMs} ms requestTimeout.`),
                    { name: 'TimeoutError', code: 'ETIMEDOUT' },
                  ),
                );
              }, timeoutMs)
            : undefined;
        const onAbort = (): void => {
          gone.abort();
          reject(abortError(signal!));
        };
        signal?.addEventListener?.('abort', onAbort, { once: true });
        const done = (): void => {
          clearTimeout(timer);
          signal?.removeEventListener?.('abort', onAbort);
        };
        Promise.resolve()
          .then(() => {
            const answered = answer(ctx, request, bodyText(request.body), gone.signal);
            if (!answered)
              throw new Error(
                `vmc-reach mock: no mock handler for ${request.method} https://${request.hostname}${request.path} (nothing is sent anywhere else)`,
              );
            return answered;
          })
          .then(async (res) => {
            const body = Buffer.from(await res.arrayBuffer());
            const headers: Record<string, string> = {};
            res.headers.forEach((value, key) => (headers[key] = value));
            headers['content-length'] ??= String(body.length);
            return { response: { statusCode: res.status, reason: res.statusText, headers, body: Readable.from([body]) } };
          })
          .then(
            (r) => {
              done();
              resolve(r);
            },
            (e: unknown) => {
              done();
              reject(e);
            },
          );
      });
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
}
