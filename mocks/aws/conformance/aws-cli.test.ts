// The AWS CLI (botocore, which nobody here wrote) against `vmc-reach mock serve`: every command of
// scripts/aws-cli-conformance.sh must succeed and print JSON. Then the same script against moto_server
// and a structural comparison of the outputs; every difference must be one documented, with its
// reason, in docs/mock-vs-aws.md. One served mock and one moto for the whole file.
// A machine without python3/awscli/moto skips loudly; in CI (CI=true) that is a failure.
import { compareShapes } from './json-shape';
import { startMoto } from '../../../src/ops/live-moto/moto-server';
import { missingTools, runCliScript, startMockServe, type CliRecord, type Started } from './cli-runs';
import { differenceKey, differencesDoc, readDocumentedDifferences } from './documented-differences';

jest.setTimeout(90_000);

const missing = missingTools(true);
if (missing && process.env['CI']) throw new Error(`the AWS CLI conformance test needs ${missing.replace(/ is not installed$/, '')} in CI`);
if (missing) console.warn(`SKIPPED: the AWS CLI / moto conformance test (${missing})`);
const maybe = missing ? describe.skip : describe;

/** `ec2 describe-instances` from `aws ec2 describe-instances --instance-ids …`. */
const operationOf = (r: CliRecord): string => r.command.split(/\s+/).slice(1, 3).join(' ');
/** Records whose output is the API's JSON (not a --query capture, not a silent command). */
const jsonRecords = (rs: readonly CliRecord[]): CliRecord[] => rs.filter((r) => r.captured === null && r.stdout.trim() !== '');

maybe('the AWS CLI script', () => {
  let mock: Started;
  let mockRun: CliRecord[];
  let region: string;

  beforeAll(async () => {
    mock = await startMockServe();
    region = /AWS_REGION=(\S+)/.exec(mock.output())![1]!;
    mockRun = await runCliScript({
      TARGET: 'mock',
      AWS_ENDPOINT_URL_EC2: mock.url,
      AWS_ENDPOINT_URL_SSM: mock.url,
      AWS_ACCESS_KEY_ID: 'AKIAVMCREACHMOCK0001',
      AWS_SECRET_ACCESS_KEY: 'vmc-reach-mock-secret-not-a-real-key',
      AWS_DEFAULT_REGION: region,
    });
  });

  afterAll(async () => {
    await mock?.stop();
  });

  test('every command succeeds against mock serve and its output parses as JSON', () => {
    const failed = mockRun.filter((r) => r.rc !== 0).map((r) => `line ${r.line}: ${r.command}\n  rc ${r.rc}: ${r.stderr.trim()}`);
    expect(failed).toEqual([]);
    expect(mockRun.length).toBeGreaterThanOrEqual(40);
    for (const r of jsonRecords(mockRun)) expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  test('the script covers every operation the mock implements', () => {
    const { ec2Operations } = jest.requireActual<typeof import('../ec2/dispatch')>('../ec2/dispatch');
    const { ssmOperations } = jest.requireActual<typeof import('../ssm/dispatch')>('../ssm/dispatch');
    const cli = (op: string) => op.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    const used = new Set(mockRun.map(operationOf));
    const missingOps = [
      ...Object.keys(ec2Operations).map((o) => `ec2 ${cli(o)}`),
      ...Object.keys(ssmOperations).map((o) => `ssm ${cli(o)}`),
    ].filter((o) => !used.has(o));
    expect(missingOps).toEqual([]);
  });

  test('the ping probe runs the engine: the new instance in its own SG cannot reach the VM through the default SG', () => {
    const inv = JSON.parse(mockRun.find((r) => r.command.startsWith('aws ssm get-command-invocation'))!.stdout);
    expect(inv).toMatchObject({ Status: 'Failed', ResponseCode: 1, StandardErrorContent: '' });
    expect(inv.StandardOutputContent).toContain('2 packets transmitted, 0 received, 100% packet loss');
  });

  test('against moto_server, every structural difference is documented in docs/mock-vs-aws.md', async () => {
    const moto = await startMoto();
    let motoRun: CliRecord[];
    try {
      motoRun = await runCliScript({
        TARGET: 'moto',
        AWS_ENDPOINT_URL: moto.url,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_DEFAULT_REGION: region,
      });
    } finally {
      await moto.stop();
    }
    const byLine = new Map(motoRun.map((r) => [r.line, r]));
    const found = new Map<string, string>();
    for (const r of mockRun.filter((x) => x.captured === null)) {
      const m = byLine.get(r.line);
      if (!m) continue;
      const operation = operationOf(r);
      if (m.rc !== 0) found.set(differenceKey({ operation, path: '(call)', kind: 'moto fails' }), m.stderr.trim().split('\n')[0]!);
      else
        for (const d of compareShapes(JSON.parse(r.stdout.trim() || '{}'), JSON.parse(m.stdout.trim() || '{}')))
          found.set(differenceKey({ operation, ...d }), '');
    }
    const documented = new Set(readDocumentedDifferences().map(differenceKey));
    const undocumented = [...found.keys()].filter((k) => !documented.has(k));
    const stale = [...documented].filter((k) => !found.has(k));
    if (undocumented.length || stale.length) {
      console.error(
        `differences to document in ${differencesDoc}:\n${undocumented.map((k) => `| ${k} | ? |`).join('\n')}\n\nno longer observed:\n${stale.join('\n')}`,
      );
    }
    expect({ undocumented, stale }).toEqual({ undocumented: [], stale: [] });
  });
});
