// Independent check of the probe's SSM requests: botocore (the AWS CLI's own request model and parameter
// validation, Python) accepts every SendCommand the TCP/UDP probes send, for every command form, and the
// CancelCommand/GetCommandInvocation the runner sends. botocore also serialises each one, so a shape
// that only our SDK tolerates would show here.
import { spawnSync } from 'node:child_process';
import { renderPortProbe, type PortProbeRequest } from '../../shapes/ssm/port-probe-command';
import { sendCommandInput } from './run-port-probe';

const forms: PortProbeRequest[] = [
  { protocol: 'tcp', role: 'connect', os: 'linux', destination: '192.168.100.10', port: 443, timeoutS: 5 },
  { protocol: 'tcp', role: 'connect', os: 'windows', destination: '172.31.16.20', port: 3389, timeoutS: 5 },
  { protocol: 'udp', role: 'send', os: 'linux', destination: '192.168.100.10', port: 53, timeoutS: 5 },
  { protocol: 'udp', role: 'send', os: 'windows', destination: '172.31.16.20', port: 53, timeoutS: 5 },
  { protocol: 'tcp', role: 'listen', os: 'linux', destination: '0.0.0.0', port: 443, timeoutS: 50 },
  { protocol: 'udp', role: 'listen', os: 'linux', destination: '0.0.0.0', port: 53, timeoutS: 50 },
  { protocol: 'tcp', role: 'listen', os: 'windows', destination: '0.0.0.0', port: 443, timeoutS: 50 },
  { protocol: 'udp', role: 'listen', os: 'windows', destination: '0.0.0.0', port: 53, timeoutS: 50 },
];

const script = `
import json, sys
import botocore.session
from botocore.validate import validate_parameters
from botocore.serialize import create_serializer
calls = json.load(sys.stdin)
model = botocore.session.get_session().get_service_model('ssm')
out = []
for op, params in calls:
    shape = model.operation_model(op)
    try:
        validate_parameters(params, shape.input_shape)
        body = create_serializer('json').serialize_to_request(params, shape)['body']
        out.append({'op': op, 'ok': True, 'target': shape.metadata['targetPrefix'] + '.' + op, 'bytes': len(body)})
    except Exception as e:
        out.append({'op': op, 'ok': False, 'error': str(e)})
print(json.dumps(out))
`;

test('botocore validates and serialises every SendCommand, CancelCommand and GetCommandInvocation of a port probe', () => {
  const calls: [string, unknown][] = [
    ...forms.map((f): [string, unknown] => {
      const { document, command } = renderPortProbe(f);
      return [
        'SendCommand',
        sendCommandInput(
          f.os === 'windows' ? 'mi-0fedcba9876543210' : 'i-0123456789abcdef0',
          document,
          command,
          f.role === 'listen' ? f.timeoutS + 30 : f.timeoutS + 60,
        ),
      ];
    }),
    ['CancelCommand', { CommandId: '2b1f8c7e-1111-2222-3333-444455556666', InstanceIds: ['i-0123456789abcdef0'] }],
    ['GetCommandInvocation', { CommandId: '2b1f8c7e-1111-2222-3333-444455556666', InstanceId: 'i-0123456789abcdef0' }],
  ];
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(calls), encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  const results = JSON.parse(r.stdout) as { op: string; ok: boolean; error?: string; target?: string }[];
  expect(results.filter((x) => !x.ok)).toEqual([]);
  expect(results.map((x) => x.target)).toEqual([
    ...forms.map(() => 'AmazonSSM.SendCommand'),
    'AmazonSSM.CancelCommand',
    'AmazonSSM.GetCommandInvocation',
  ]);
});

test('botocore refuses what SSM refuses (a TimeoutSeconds below 30), so the check can fail', () => {
  const { document, command } = renderPortProbe(forms[0]!);
  const bad = { ...sendCommandInput('i-0123456789abcdef0', document, command, 60), TimeoutSeconds: 5 };
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify([['SendCommand', bad]]), encoding: 'utf8', timeout: 60_000 });
  expect(JSON.parse(r.stdout)).toEqual([{ op: 'SendCommand', ok: false, error: expect.stringMatching(/TimeoutSeconds.*30/s) }]);
});
