// The Linux probe commands run for real on this machine's loopback (bash, coreutils timeout, python3):
// the rendered lines are valid programs, and their real output parses to the right outcome. Loopback
// only: no packet leaves the machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseListenerOutput, parsePortProbeOutput, renderPortProbe, type PortProbeRequest, type ToolOutput } from './port-probe-command';

function run(command: string): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until something binds the port (the listener's python3 has started), from /proc/net. */
async function bound(protocol: 'tcp' | 'udp', port: number): Promise<void> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  for (let i = 0; i < 100; i++) {
    if (
      readFileSync(`/proc/net/${protocol}`, 'utf8')
        .split('\n')
        .some((l) => l.trim().split(/\s+/)[1]?.endsWith(hex.trim()))
    )
      return;
    await sleep(100);
  }
  throw new Error(`nothing bound ${protocol} port ${port} within 10 s`);
}
// Ports below the kernel's ephemeral range (ip_local_port_range), chosen per test run so parallel runs
// rarely collide: a port inside that range can be the local port of any connection on the machine (a
// jest worker's HTTP client), and a listener's bind to it then fails with "Address already in use".
const ephemeralLow = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
const port = (k: number): number => 10000 + ((process.pid * 7 + k * 131) % (ephemeralLow - 10000));
const linux = (r: Omit<PortProbeRequest, 'os'>): PortProbeRequest => ({ ...r, os: 'linux' });

test('TCP: the listener hears the connect, and the connect is open', async () => {
  const p = port(1);
  const listen = run(renderPortProbe(linux({ protocol: 'tcp', role: 'listen', destination: '0.0.0.0', port: p, timeoutS: 15 })).command);
  await bound('tcp', p);
  const connectReq = linux({ protocol: 'tcp', role: 'connect', destination: '127.0.0.1', port: p, timeoutS: 5 });
  const connect = await run(renderPortProbe(connectReq).command);
  expect(parsePortProbeOutput(connectReq, connect)).toMatchObject({ outcome: 'open' });
  expect(parseListenerOutput({ ...connectReq, role: 'listen', destination: '0.0.0.0' }, await listen)).toEqual({
    heard: true,
    peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
  });
}, 20_000);

test("TCP: nothing listening is refused, from bash's real message", async () => {
  const req = linux({ protocol: 'tcp', role: 'connect', destination: '127.0.0.1', port: port(2), timeoutS: 3 });
  const out = await run(renderPortProbe(req).command);
  expect(out.stderr).toMatch(/connect: Connection refused/);
  expect(parsePortProbeOutput(req, out)).toMatchObject({ outcome: 'refused' });
}, 10_000);

test('UDP: the listener echoes the datagram and the sender sees the reply', async () => {
  const p = port(3);
  const listenReq = linux({ protocol: 'udp', role: 'listen', destination: '0.0.0.0', port: p, timeoutS: 15 });
  const listen = run(renderPortProbe(listenReq).command);
  await bound('udp', p);
  const sendReq = linux({ protocol: 'udp', role: 'send', destination: '127.0.0.1', port: p, timeoutS: 5 });
  const sent = await run(renderPortProbe(sendReq).command);
  expect(parsePortProbeOutput(sendReq, sent)).toMatchObject({ outcome: 'open' });
  expect(parseListenerOutput(listenReq, await listen)).toEqual({
    heard: true,
    peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    bytes: 9,
  });
}, 20_000);

test('UDP: nothing listening comes back as ICMP port unreachable: refused', async () => {
  const req = linux({ protocol: 'udp', role: 'send', destination: '127.0.0.1', port: port(4), timeoutS: 3 });
  expect(parsePortProbeOutput(req, await run(renderPortProbe(req).command))).toMatchObject({ outcome: 'refused' });
}, 10_000);

test('a listener nobody reaches says so when its time is up', async () => {
  const req = linux({ protocol: 'tcp', role: 'listen', destination: '0.0.0.0', port: port(5), timeoutS: 1 });
  const out = await run(renderPortProbe(req).command);
  expect(out.exitCode).toBe(1);
  expect(parseListenerOutput(req, out)).toEqual({ heard: false });
}, 10_000);
