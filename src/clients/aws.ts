// AWS SDK v3 clients (EC2, SSM) for every target: live (the SDK's default credential chain, region
// from the caller, endpoints from the environment: AWS_ENDPOINT_URL_EC2 / _SSM) or the mock (an
// endpoint override, explicit fake credentials so nothing probes IMDS or a profile). The same
// clients and the same calls run in both; only this configuration differs.
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

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
}

export interface AwsClients {
  ec2: EC2Client;
  ssm: SSMClient;
  /** Closes the clients' sockets. */
  destroy(): void;
}

/**
 * Credentials the mock accepts and no real account has: obviously fake, so nothing real can leak into
 * a mock run and nothing reads ~/.aws or the instance metadata service. The SDK annotates the
 * credentials object it is given, so pass a copy (`{ ...mockCredentials }`), as createAwsClients does.
 */
export const mockCredentials: Readonly<StaticCredentials> = { accessKeyId: 'AKIAVMCREACHMOCK0001', secretAccessKey: 'vmc-reach-mock-secret-not-a-real-key' };

export function createAwsClients(options: AwsClientOptions): AwsClients {
  const common = {
    region: options.region,
    ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
  const ec2Endpoint = options.endpoints?.ec2 ?? options.endpoint;
  const ssmEndpoint = options.endpoints?.ssm ?? options.endpoint;
  const ec2 = new EC2Client({ ...common, ...(ec2Endpoint ? { endpoint: ec2Endpoint } : {}) });
  const ssm = new SSMClient({ ...common, ...(ssmEndpoint ? { endpoint: ssmEndpoint } : {}) });
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
  return createAwsClients({ ...options, credentials: mockCredentials });
}
