// A VM's SSM node: a configured node is used without any lookup; a looked-up node is used only when
// Online; a failed lookup names the call and the endpoint and is not fatal.
import { ssmCallError, vmNode, type NodeLookup } from './ssm-nodes';

const vm = { name: 'CJ-VM01', ip: '192.168.100.10' };
const settings = { region: 'us-west-2', aws: { region: 'us-west-2', endpoints: { ssm: 'http://127.0.0.1:9999' } } };

test('a configured node is used without calling DescribeInstanceInformation', async () => {
  const lookup = jest.fn<ReturnType<NodeLookup>, []>();
  expect(await vmNode(vm, 'mi-0123456789abcdef0', lookup)).toEqual({ nodeId: 'mi-0123456789abcdef0' });
  expect(lookup).not.toHaveBeenCalled();
});

test('a node that is ConnectionLost is not used, and the reason says so', async () => {
  const r = await vmNode(vm, undefined, async () => ({ nodes: [{ id: 'mi-1', ip: vm.ip, pingStatus: 'ConnectionLost' }] }));
  expect(r).toEqual({ unavailable: expect.stringMatching(/mi-1 is ConnectionLost, not Online: the probe was not sent/) });
});

test('a failed lookup is a reason for this VM naming the call and the endpoint, not an exception', async () => {
  const error = ssmCallError(
    'DescribeInstanceInformation',
    settings,
    Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 500 } }),
  );
  const r = await vmNode(vm, undefined, async () => ({ error }));
  expect(r).toEqual({
    unavailable: expect.stringContaining(
      'SSM DescribeInstanceInformation at http://127.0.0.1:9999 failed: HTTP 500 with a body that is not SSM JSON',
    ),
  });
});
