// `vmc-reach run --dataplane lab` with TCP and UDP probes: the NACL ephemeral-ports scenario and the CGW
// service scenario pass with real connects and datagrams through the lab's namespaces and nftables, and
// their transcripts are the real tools' (bash's own "line 1" message for a RST, the UDP listener hearing
// a datagram from the port the kernel chose while the reply to it is dropped by the ACL).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLab } from '../lab/test-support/lab-env';
import type { ScenarioResult } from '../target/results';

const root = join(__dirname, '..', '..');

describeLab('vmc-reach run --dataplane lab: TCP and UDP probes', () => {
  let report: string;
  let run: ReturnType<typeof spawnSync>;
  let probes: ScenarioResult['probes'];
  const transcript = (label: RegExp): string => {
    const p = probes.find((x) => label.test(x.label));
    if (!p) throw new Error(`no probe matching ${label}: ${probes.map((x) => x.label).join('; ')}`);
    return p.observed.kind === 'ran' ? p.observed.transcript : '';
  };

  beforeAll(() => {
    report = mkdtempSync(join(tmpdir(), 'vmc-reach-lab-ports-'));
    run = spawnSync(
      process.execPath,
      [
        join(root, 'bin', 'vmc-reach.cjs'),
        'run',
        '--dataplane',
        'lab',
        '--scenario',
        'nacl-ephemeral-ports|cgw-service-port',
        '--report-dir',
        report,
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, VMC_REACH_QUIET: '1' },
        timeout: 280_000,
      },
    );
    const dir = join(report, 'results');
    probes = readdirSync(dir).flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioResult).probes);
  }, 300_000);
  afterAll(() => rmSync(report, { recursive: true, force: true }));

  test('every expectation held with real packets (exit 0)', () => {
    expect(String(run.stdout)).toMatch(/(\d+) probes: \1 passed/);
    expect(probes.length).toBeGreaterThanOrEqual(8);
    expect(run.status).toBe(0);
  });

  test('the ACL without the ephemeral range: the UDP datagram arrived (the listener heard it from a kernel-chosen port) and its reply was dropped', () => {
    const t = transcript(/replies to ephemeral ports denied: .* udp\/53/);
    expect(t).toMatch(/^vmc-reach udp 192\.168\.100\.10:53: no reply within \d+ s$/m);
    expect(t).toMatch(/^vmc-reach listen udp 53: datagram of 9 bytes from [\d.]+:(\d+)$/m);
  });

  test('the ACL without the ephemeral range: the TCP handshake never completed (timeout, no open line)', () => {
    expect(transcript(/replies to ephemeral ports denied: .* tcp\/443/)).not.toMatch(/: open$/m);
    expect(transcript(/ephemeral range 1024-65535 allowed in: .* tcp\/443/)).toMatch(/^vmc-reach tcp 192\.168\.100\.10:443: open$/m);
  });

  test("a CGW REJECT answers TCP with a RST, in bash's own words", () => {
    expect(transcript(/REJECT rule answers: .* tcp\/22/)).toContain('bash: line 1: /dev/tcp/192.168.100.10/22: Connection refused');
  });
});
