// The AWS CLI (botocore, which nobody here wrote) reads the mock's credential errors and its held answer
// the way it reads AWS's: the error code of EC2's Query XML and SSM's JSON 1.1 errors, and a read
// timeout (retried) for an answer held past the CLI's --cli-read-timeout. AWS CLI v1 exits 255 on a
// service error.
import { spawn } from 'node:child_process';
import type { FaultRule } from '../../faults';
import { serveWorld } from '../../../src/reliability/served-world';
import { missingTools } from './cli-runs';

const missing = missingTools(false);
if (missing && process.env['CI']) throw new Error(`the AWS CLI fault test needs ${missing.replace(/ is not installed$/, '')} in CI`);
if (missing) console.warn(`SKIPPED: the AWS CLI fault test (${missing})`);
const maybe = missing ? describe.skip : describe;

/** Runs the AWS CLI against a world served with `faults` for this one call. */
async function aws(faults: FaultRule[], args: string[]): Promise<{ rc: number | null; stderr: string }> {
  await using w = await serveWorld({ faults });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ACCESS_KEY_ID: w.env.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: w.env.AWS_SECRET_ACCESS_KEY,
    AWS_DEFAULT_REGION: w.env.AWS_REGION,
    AWS_PAGER: '',
  };
  return await new Promise((resolve, reject) => {
    const child = spawn('python3', ['-m', 'awscli', ...args, '--endpoint-url', w.served.url], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (rc) => resolve({ rc, stderr }));
  });
}

maybe('the AWS CLI and the mock faults', () => {
  jest.setTimeout(60_000);

  test.each([
    [
      'ec2',
      'expired-token',
      ['ec2', 'describe-vpcs'],
      'An error occurred (RequestExpired) when calling the DescribeVpcs operation: Request has expired.',
    ],
    ['ec2', 'auth-failure', ['ec2', 'describe-vpcs'], 'An error occurred (AuthFailure) when calling the DescribeVpcs operation'],
    [
      'ssm',
      'expired-token',
      ['ssm', 'describe-instance-information'],
      'An error occurred (ExpiredTokenException) when calling the DescribeInstanceInformation operation',
    ],
    [
      'ssm',
      'auth-failure',
      ['ssm', 'describe-instance-information'],
      'An error occurred (UnrecognizedClientException) when calling the DescribeInstanceInformation operation',
    ],
  ] as const)('%s %s: the CLI names the error code', async (service, fault, args, message) => {
    const r = await aws([{ service, fault }], [...args]);
    expect({ rc: r.rc, stderr: r.stderr.trim() }).toEqual({ rc: 255, stderr: expect.stringContaining(message) as unknown });
  });

  test('a held answer is a read timeout for the CLI, which retries and then succeeds', async () => {
    const r = await aws(
      [{ service: 'ec2', operation: 'DescribeVpcs', fault: 'timeout' }],
      ['ec2', 'describe-vpcs', '--cli-read-timeout', '1', '--debug'],
    );
    expect({ rc: r.rc, timedOut: r.stderr.includes('Read timeout on endpoint URL') }).toEqual({ rc: 0, timedOut: true });
  });
});
