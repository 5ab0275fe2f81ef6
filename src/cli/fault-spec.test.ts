// `--fault` specs for `mock serve`.
import { parseFaultSpec } from './fault-spec';

test('service, operation and kind; times and after; a probability', () => {
  expect(parseFaultSpec('ec2:DescribeInstances:not-found:2')).toEqual({
    service: 'ec2',
    operation: 'DescribeInstances',
    fault: 'not-found',
    times: 2,
  });
  expect(parseFaultSpec('ssm:*:throttle:inf:3@0.25')).toEqual({
    service: 'ssm',
    fault: 'throttle',
    times: Infinity,
    after: 3,
    probability: 0.25,
  });
});

test.each([
  ['ec2:DescribeVpcs', 'expected service, operation and kind'],
  ['s3:GetObject:throttle', 'unknown service "s3"'],
  ['ec2:DescribeVpcs:explode', 'unknown fault "explode"'],
  ['ec2:DescribeVpcs:throttle:many', 'times "many"'],
  ['ec2:DescribeVpcs:throttle@2', 'probability "2"'],
])('%s is refused: %s', (spec, why) => {
  expect(() => parseFaultSpec(spec)).toThrow(why);
});
