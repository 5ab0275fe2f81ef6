// Doctor blames permissions only for a denial: a throttle, an HTTP 500 and an unreachable endpoint each
// say what they are.
import { errorKind, failFromError } from './error-kind';

const err = (name: string, status?: number, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error('x'), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}), ...extra });
const o = {
  call: 'SSM DescribeInstanceInformation',
  endpoint: 'http://127.0.0.1:1',
  permission: 'ssm:DescribeInstanceInformation',
  policyFix: 'attach the policy in docs/iam-policy.json',
};

test.each([
  ['UnauthorizedOperation', 403, 'denied'],
  ['AccessDeniedException', 400, 'denied'],
  ['ThrottlingException', 400, 'throttled'],
  ['RequestLimitExceeded', 503, 'throttled'],
  ['SyntaxError', 500, 'server'],
  ['InternalError', undefined, 'server'],
  ['InvalidParameterValue', 400, 'request'],
] as const)('%s (HTTP %s) is %s', (name, status, kind) => {
  expect(errorKind(err(name, status))).toBe(kind);
});

test('a refused connection is the network', () => {
  expect(errorKind(err('Error', undefined, { code: 'ECONNREFUSED' }))).toBe('network');
});

test('an HTTP 500 names the call and the endpoint and does not point at the IAM policy', () => {
  const r = failFromError('SDDC VM registered with SSM', err('SyntaxError', 500), o);
  expect(r.detail).toMatch(/SSM DescribeInstanceInformation at http:\/\/127\.0\.0\.1:1 answered HTTP 500/);
  expect(r.fix).not.toMatch(/iam-policy/);
});

test('a denial points at the policy and the permission', () => {
  expect(failFromError('x', err('AccessDeniedException', 400), o).fix).toBe(
    'attach the policy in docs/iam-policy.json (ssm:DescribeInstanceInformation)',
  );
});
