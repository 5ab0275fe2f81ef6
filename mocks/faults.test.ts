// The fault plan: which call gets which fault, and the call log.
import { FaultPlan } from './faults';

test('a rule fires once on the first matching call by default', () => {
  const plan = new FaultPlan([{ service: 'ec2', operation: 'RunInstances', fault: 'throttle' }]);
  expect(plan.take('ec2', 'DescribeVpcs')).toBeUndefined();
  expect(plan.take('ec2', 'RunInstances')).toBe('throttle');
  expect(plan.take('ec2', 'RunInstances')).toBeUndefined();
});

test('after skips matching calls before firing', () => {
  const plan = new FaultPlan([{ service: 'ssm', fault: 'server-error', after: 2, times: 2 }]);
  expect([1, 2, 3, 4, 5].map(() => plan.take('ssm', 'SendCommand'))).toEqual([
    undefined,
    undefined,
    'server-error',
    'server-error',
    undefined,
  ]);
});

test('atCall aims at a global call index across services', () => {
  const plan = new FaultPlan([{ service: 'nsx', fault: 'expired-token', atCall: 2 }]);
  plan.take('nsx', 'GET segments');
  plan.take('ec2', 'DescribeVpcs');
  expect(plan.take('nsx', 'PATCH segment')).toBe('expired-token');
  expect(plan.calls.map((c) => c.index)).toEqual([0, 1, 2]);
  expect(plan.calls[2]).toMatchObject({ service: 'nsx', operation: 'PATCH segment', fault: 'expired-token' });
});

test('probabilistic rules are reproducible for a seed', () => {
  const draw = (seed: number) => {
    const plan = new FaultPlan([{ service: 'ec2', fault: 'throttle', probability: 0.5, times: Infinity }], seed);
    return Array.from({ length: 20 }, () => plan.take('ec2', 'X') ?? '-').join(',');
  };
  expect(draw(7)).toBe(draw(7));
  expect(draw(7)).not.toBe(draw(8));
});

test('fromCall faults every matching call from that global index on', () => {
  const plan = new FaultPlan([{ service: 'ec2', fault: 'expired-token', fromCall: 1, times: Infinity }]);
  expect(['DescribeVpcs', 'RunInstances', 'TerminateInstances'].map((op) => plan.take('ec2', op))).toEqual([
    undefined,
    'expired-token',
    'expired-token',
  ]);
});
