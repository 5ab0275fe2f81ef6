// The mock's fake AWS credentials, apart from the SDK clients (src/clients/aws.ts) so that what only
// needs the constant (target resolution in `vmc-reach run`'s main thread) does not load the AWS SDK.

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Credentials the mock accepts and no real account has: obviously fake, so nothing real can leak into
 * a mock run and nothing reads ~/.aws or the instance metadata service. The SDK annotates the
 * credentials object it is given, so pass a copy (`{ ...mockCredentials }`), as createAwsClients does.
 */
export const mockCredentials: Readonly<StaticCredentials> = {
  accessKeyId: 'AKIAVMCREACHMOCK0001',
  secretAccessKey: 'vmc-reach-mock-secret-not-a-real-key',
};
