// The instance profile is checked for real (a RunInstances DryRun with it): one that does not exist is ✗,
// whichever way the endpoint says so.
import { checkInstanceProfile } from './aws-checks';

const err = (name: string, status: number, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error('x'), { name, $metadata: { httpStatusCode: status }, ...extra });

test('an instance profile that does not exist is ✗, as AWS says it (InvalidParameterValue) and as moto does (NoSuchEntity)', async () => {
  for (const e of [
    err('InvalidParameterValue', 400, {
      message: 'Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    }),
    err('NoSuchEntity', 404),
  ]) {
    const ec2 = { send: () => Promise.reject(e) } as never;
    expect(
      await checkInstanceProfile(ec2, { imageId: 'ami-1', instanceType: 't3.micro', subnetId: 'subnet-1', instanceProfile: 'nope' }),
    ).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^nope does not exist/) });
  }
});

test('a profile that exists and may be passed is ✓', async () => {
  const ec2 = { send: () => Promise.reject(err('DryRunOperation', 412)) } as never;
  expect(
    await checkInstanceProfile(ec2, { imageId: 'ami-1', instanceType: 't3.micro', subnetId: 'subnet-1', instanceProfile: 'p' }),
  ).toMatchObject({ status: 'pass' });
});
