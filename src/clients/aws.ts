// AWS SDK v3 clients (EC2, SSM) for every target: live (the SDK's default credential chain, region
// from the caller, endpoints from the environment: AWS_ENDPOINT_URL_EC2 / _SSM) or the mock (an
// endpoint override, explicit fake credentials so nothing probes IMDS or a profile). The same
// clients and the same calls run in both; only this configuration differs. In mock mode (`mock: true`)
// the endpoint is always explicit, so the SDK never reads AWS_ENDPOINT_URL* or a profile's endpoint_url,
// and anything but the mock's (the served mock on loopback, or the regional host the embedded mock
// intercepts in-process) is refused.
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { mockCredentials, type StaticCredentials } from './mock-credentials';

export { mockCredentials, type StaticCredentials };

/**
 * A request handler that answers the SDK's requests itself instead of sending them: the embedded mock's
 * in-process transport (mocks/aws/in-process-handler.ts). The SDK serialises and parses as over HTTP.
 */
export type InProcessHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> & {
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): object;
};

export interface AwsClientOptions {
  region: string;
  /** Explicit credentials; absent = the SDK's default chain (env, profiles, SSO, instance role). */
  credentials?: StaticCredentials;
  /** One base URL for both services (the served mock), e.g. `http://127.0.0.1:4566`. */
  endpoint?: string;
  /** Per-service base URLs; they win over `endpoint`. */
  endpoints?: { ec2?: string; ssm?: string };
  /** Attempts per call including the first (SDK default 3); tests use 1 except in retry tests. */
  maxAttempts?: number;
  /** Mock mode: only a mock's endpoints are accepted, and none is ever taken from the environment. */
  mock?: boolean;
  /** Per-attempt timeout in ms (connection included), after which the attempt fails with a TimeoutError the SDK retries (default 60 s; the SDK's own default is none). */
  requestTimeoutMs?: number;
  /**
   * Mock mode only: the embedded mock's in-process transport, one handler per client, in place of the
   * HTTP client (the endpoints stay the mock's regional hosts, which the handler alone answers).
   */
  inProcess?: (o: { requestTimeoutMs: number; hosts: readonly string[] }) => InProcessHandler;
}

export interface AwsClients {
  ec2: EC2Client;
  ssm: SSMClient;
  /** Closes the clients' sockets. */
  destroy(): void;
}

export const defaultRequestTimeoutMs = 60_000;

/** The codes AWS answers when it will not take the credentials: expired (EC2, SSM, STS) or not valid. */
export const credentialErrorCodes: ReadonlySet<string> = new Set([
  'RequestExpired',
  'AuthFailure',
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
]);

export const isCredentialError = (e: unknown): boolean => credentialErrorCodes.has((e as { name?: string } | undefined)?.name ?? '');

/** Says what a credential error means and what to do; the error's name (its AWS code) is kept. */
const explainCredentialErrors =
  <I, O>(next: (args: I) => Promise<O>) =>
  async (args: I): Promise<O> => {
    try {
      return await next(args);
    } catch (e) {
      if (isCredentialError(e) && !/^the AWS credentials/.test((e as Error).message)) {
        (e as Error).message =
          `the AWS credentials were refused (${(e as Error).name}: ${(e as Error).message}): they have expired or are not valid; refresh them (e.g. aws sso login, a new session token) before running again`;
      }
      throw e;
    }
  };

export class MockEndpointError extends Error {
  override readonly name = 'MockEndpointError';
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A mock's endpoint: a loopback URL (the served mock) or the service's regional host (the embedded mock intercepts it). */
export function mockEndpoint(service: 'ec2' | 'ssm', region: string, endpoint: string | undefined): string {
  const regional = `https://${service}.${region}.amazonaws.com`;
  if (endpoint === undefined || endpoint === regional) return regional;
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    throw new MockEndpointError(`mock mode refuses the ${service} endpoint ${endpoint}: not a URL`);
  }
  if (!loopbackHosts.has(host))
    throw new MockEndpointError(
      `mock mode refuses the ${service} endpoint ${endpoint}: a mock answers on loopback or in-process, never elsewhere`,
    );
  return endpoint;
}

export function createAwsClients(options: AwsClientOptions): AwsClients {
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const common = {
    region: options.region,
    ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
  if (options.mock && (!options.credentials || options.credentials.accessKeyId !== mockCredentials.accessKeyId))
    throw new MockEndpointError("mock mode uses the mock's fake credentials only");
  if (options.inProcess && !options.mock)
    throw new MockEndpointError("an in-process transport is the embedded mock's: it is accepted in mock mode only");
  const pick = (service: 'ec2' | 'ssm'): string | undefined => {
    const given = options.endpoints?.[service] ?? options.endpoint;
    return options.mock ? mockEndpoint(service, options.region, given) : given;
  };
  const ec2Endpoint = pick('ec2');
  const ssmEndpoint = pick('ssm');
  const hosts = [ec2Endpoint, ssmEndpoint].flatMap((e) => (e ? [new URL(e).hostname] : []));
  // The SDK only warns about a request past `requestTimeout` unless told to throw; a hung answer must fail.
  const requestHandler = (): InProcessHandler | Record<string, unknown> =>
    options.inProcess?.({ requestTimeoutMs, hosts }) ?? {
      requestTimeout: requestTimeoutMs,
      connectionTimeout: Math.min(requestTimeoutMs, 10_000),
      throwOnRequestTimeout: true,
    };
  const ec2 = new EC2Client({ ...common, requestHandler: requestHandler(), ...(ec2Endpoint ? { endpoint: ec2Endpoint } : {}) });
  const ssm = new SSMClient({ ...common, requestHandler: requestHandler(), ...(ssmEndpoint ? { endpoint: ssmEndpoint } : {}) });
  ec2.middlewareStack.add(explainCredentialErrors, { step: 'initialize', name: 'vmcReachCredentialErrors' });
  ssm.middlewareStack.add(explainCredentialErrors, { step: 'initialize', name: 'vmcReachCredentialErrors' });
  return {
    ec2,
    ssm,
    destroy: () => {
      ec2.destroy();
      ssm.destroy();
    },
  };
}

/** Clients for the mock: fake credentials, and the served mock's URL when given (else the real hosts, for in-process MSW). */
export function createMockAwsClients(options: { region: string; endpoint?: string; maxAttempts?: number }): AwsClients {
  return createAwsClients({ ...options, credentials: mockCredentials, mock: true });
}
