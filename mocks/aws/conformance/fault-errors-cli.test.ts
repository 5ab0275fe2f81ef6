// The AWS CLI (botocore, which nobody here wrote) reads the mock's credential errors and its held answer
// the way it reads AWS's: the error code of EC2's Query XML and SSM's JSON 1.1 errors, and a read
// timeout (retried) for an answer held past the CLI's --cli-read-timeout. AWS CLI v1 exits 255 on a
// service error. One served world whose fault plan aims each fault at the nth call of its operation, and
// the commands in one Python process (scripts/aws-cli-batch.py, the AWS CLI's own driver), in order.
import type { FaultRule } from '../../faults';
import { serveWorld } from '../../../src/reliability/served-world';
import { missingTools, runCliCommands, type CliRecord } from './cli-runs';

const missing = missingTools(false);
if (missing && process.env['CI']) throw new Error(`the AWS CLI fault test needs ${missing.replace(/ is not installed$/, '')} in CI`);
if (missing) console.warn(`SKIPPED: the AWS CLI fault test (${missing})`);
const maybe = missing ? describe.skip : describe;

const describeVpcs = 'aws ec2 describe-vpcs';
const describeInstanceInformation = 'aws ssm describe-instance-information';
const heldRead = `${describeVpcs} --cli-read-timeout 1 --debug`;
/** The commands in the order they run; a fault rule with `after: n` hits the (n+1)th call of its operation. */
const commands = [describeVpcs, describeVpcs, describeInstanceInformation, describeInstanceInformation, heldRead];
const faults: FaultRule[] = [
  { service: 'ec2', operation: 'DescribeVpcs', fault: 'expired-token', after: 0 },
  { service: 'ec2', operation: 'DescribeVpcs', fault: 'auth-failure', after: 1 },
  { service: 'ssm', operation: 'DescribeInstanceInformation', fault: 'expired-token', after: 0 },
  { service: 'ssm', operation: 'DescribeInstanceInformation', fault: 'auth-failure', after: 1 },
  // The last command's first attempt is held; its retry is the fourth DescribeVpcs and gets the answer.
  { service: 'ec2', operation: 'DescribeVpcs', fault: 'timeout', after: 2 },
];

maybe('the AWS CLI and the mock faults', () => {
  jest.setTimeout(60_000);
  let records: CliRecord[];

  beforeAll(async () => {
    await using w = await serveWorld({ faults });
    records = await runCliCommands(
      {
        AWS_ENDPOINT_URL_EC2: w.served.url,
        AWS_ENDPOINT_URL_SSM: w.served.url,
        AWS_ACCESS_KEY_ID: w.env.AWS_ACCESS_KEY_ID!,
        AWS_SECRET_ACCESS_KEY: w.env.AWS_SECRET_ACCESS_KEY!,
        AWS_DEFAULT_REGION: w.env.AWS_REGION!,
        // The CLI's own default (legacy retry mode, 5 attempts): the held answer must be retried.
        AWS_MAX_ATTEMPTS: '5',
      },
      commands,
    );
  }, 60_000);

  test.each([
    [0, 'ec2 expired-token', 'An error occurred (RequestExpired) when calling the DescribeVpcs operation: Request has expired.'],
    [1, 'ec2 auth-failure', 'An error occurred (AuthFailure) when calling the DescribeVpcs operation'],
    [2, 'ssm expired-token', 'An error occurred (ExpiredTokenException) when calling the DescribeInstanceInformation operation'],
    [3, 'ssm auth-failure', 'An error occurred (UnrecognizedClientException) when calling the DescribeInstanceInformation operation'],
  ] as const)('command %i, %s: the CLI names the error code', (index, _fault, message) => {
    const r = records[index]!;
    expect({ rc: r.rc, stderr: r.stderr.trim() }).toEqual({ rc: 255, stderr: expect.stringContaining(message) as unknown });
  });

  test('a held answer is a read timeout for the CLI, which retries and then succeeds', () => {
    const r = records[4]!;
    expect(r.command).toBe(heldRead);
    expect({ rc: r.rc, timedOut: r.stderr.includes('Read timeout on endpoint URL') }).toEqual({ rc: 0, timedOut: true });
  });
});
