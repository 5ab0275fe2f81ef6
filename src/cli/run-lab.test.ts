// `vmc-reach run --dataplane lab`: the article's three cases with real ICMP through the lab's network
// namespaces and nftables, giving the summary's verdicts; the transcripts are real ping output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLab } from '../lab/test-support/lab-env';
import type { ScenarioResult } from '../target/results';

const root = join(__dirname, '..', '..');

describeLab('vmc-reach run --dataplane lab', () => {
  let report: string;
  let run: ReturnType<typeof spawnSync>;
  let result: ScenarioResult;

  beforeAll(() => {
    report = mkdtempSync(join(tmpdir(), 'vmc-reach-lab-run-'));
    run = spawnSync(
      process.execPath,
      [join(root, 'bin', 'vmc-reach.cjs'), 'run', '--dataplane', 'lab', '--scenario', 'article', '--report-dir', report],
      { cwd: root, encoding: 'utf8', env: { ...process.env, VMC_REACH_QUIET: '1' }, timeout: 170_000 },
    );
    const dir = join(report, 'results');
    result = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8')) as ScenarioResult;
  }, 180_000);
  afterAll(() => rmSync(report, { recursive: true, force: true }));

  test('every expectation of the three cases held (exit 0)', () => {
    expect(String(run.stdout)).toContain('6 probes: 6 passed');
    expect(run.status).toBe(0);
  });

  test("case B's CJ-AWS02 → CJ-VM01 lost every real packet, and the engine names the default SG", () => {
    const p = result.probes.find((x) => x.label.includes('case B') && x.from.name === 'CJ-AWS02')!;
    expect(p.observed).toMatchObject({ kind: 'ran', reachable: false, sent: 3, received: 0 });
    expect(p.verdict?.blockedBy?.code).toBe('ENI_SG_INGRESS_NO_MATCH');
  });

  test('the transcripts are iputils output from the lab, with measured round trips', () => {
    const p = result.probes.find((x) => x.label.includes('case A') && x.from.name === 'CJ-AWS01')!;
    expect(p.observed.kind === 'ran' && p.observed.transcript).toMatch(
      /^PING 192\.168\.100\.10 .*\n64 bytes from 192\.168\.100\.10: icmp_seq=1 ttl=\d+ time=[\d.]+ ms/m,
    );
    expect(p.observed.kind === 'ran' && p.observed.transcript).toMatch(/3 packets transmitted, 3 received/);
  });

  test("every transcript is labelled as the lab's real packets, never as the model's", () => {
    expect(new Set(result.probes.map((x) => x.observed.transcriptOrigin))).toEqual(new Set(['lab']));
    expect(String(run.stdout)).toContain('observed: lab = real packets in the lab');
  });
});
