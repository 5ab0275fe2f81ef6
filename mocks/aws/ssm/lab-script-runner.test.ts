// The lab's script runner refuses, before touching the lab, what it cannot run: anything but ping and
// the TCP/UDP probe commands, a probe line in the other OS's document, a probe out of range.
import { renderPortProbe } from '../../../src/shapes/ssm/port-probe-command';
import type { LabClient } from '../../../src/lab/lab-client';
import type { ScriptRequest, World } from '../../../src/world';
import { labScriptRunner } from './lab-script-runner';
import { unsupportedExitCode } from './script-runner';

const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the lab must not be used');
    },
  },
) as LabClient;
const run = labScriptRunner(untouchable);
const world = {} as World;
const request = (documentName: string, line: string): ScriptRequest => ({
  commandId: 'c-1',
  documentName,
  commands: [line],
  node: {} as ScriptRequest['node'],
});

test('a command that is neither ping nor a probe of ours: the unsupported exit code', async () => {
  const r = await run(world, request('AWS-RunShellScript', 'curl -s http://192.168.100.10/'));
  expect(r.exitCode).toBe(unsupportedExitCode);
  expect(r.stderr).toMatch(/not supported/);
});

test('a Windows probe line in AWS-RunShellScript is refused (it would need PowerShell)', async () => {
  const line = renderPortProbe({
    protocol: 'tcp',
    role: 'connect',
    destination: '192.168.100.10',
    port: 443,
    timeoutS: 3,
    os: 'windows',
  }).command;
  const r = await run(world, request('AWS-RunShellScript', line));
  expect(r.exitCode).toBe(unsupportedExitCode);
});

test('a probe line of ours with a port out of range is refused with the reason', async () => {
  const line = renderPortProbe({
    protocol: 'tcp',
    role: 'connect',
    destination: '192.168.100.10',
    port: 443,
    timeoutS: 3,
    os: 'linux',
  }).command.replace(/443/g, '70000');
  const r = await run(world, request('AWS-RunShellScript', line));
  expect(r.exitCode).toBe(unsupportedExitCode);
  expect(r.stderr).toMatch(/port 70000/);
});
