// The reproduce command end to end on the article's snapshots: verdicts, JSON shape and exit codes.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';

const snapshots = join(__dirname, '..', '..', 'fixtures', 'snapshots');
const caseDir = (c: 'a' | 'b' | 'c'): string => join(snapshots, `article-case-${c}`);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function verdict(
  dir: string,
  from: string,
  to: string,
): Promise<{ reachable: boolean; blockedBy: { code: string; direction: string; resource: { id: string } } | null }> {
  const r = await run('reproduce', dir, '--from', from, '--to', to, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('the article cases through reproduce', () => {
  test.each([
    ['a', 'CJ-AWS01', 'CJ-VM01', true],
    ['a', 'CJ-VM01', 'CJ-AWS01', true],
    ['b', 'CJ-VM01', 'CJ-AWS02', true],
    ['c', 'CJ-AWS02', 'CJ-VM01', true],
    ['c', 'CJ-VM01', 'CJ-AWS02', true],
  ] as const)('case %s: %s → %s is reachable', async (c, from, to, reachable) => {
    const v = await verdict(caseDir(c), from, to);
    expect(v.reachable).toBe(reachable);
    expect(v.blockedBy).toBeNull();
  });

  test('case b: CJ-AWS02 → CJ-VM01 is blocked by the default SG on the cross-link ENI, forward', async () => {
    const v = await verdict(caseDir('b'), 'CJ-AWS02', 'CJ-VM01');
    expect(v.reachable).toBe(false);
    expect(v.blockedBy).toMatchObject({
      code: 'ENI_SG_INGRESS_NO_MATCH',
      direction: 'forward',
      resource: { type: 'security-group', name: 'default' },
    });
  });

  test('case b: the suggested fix names CJ-SG as a source on the default SG', async () => {
    const r = await run('reproduce', caseDir('b'), '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--json');
    const v = JSON.parse(r.out);
    const cjSg = v.hops.find((h: { kind: string }) => h.kind === 'sg-egress').resource.id;
    expect(v.blockedBy.fix.action).toBe('AuthorizeSecurityGroupIngress');
    expect(v.blockedBy.fix.params.GroupId).toBe(v.blockedBy.resource.id);
    expect(v.blockedBy.fix.params.IpPermissions[0].UserIdGroupPairs[0].GroupId).toBe(cjSg);
  });

  test('the JSON form carries reachable, blockedBy and the hops', async () => {
    const r = await run('reproduce', caseDir('a'), '--from', 'CJ-VM01', '--to', 'CJ-AWS01', '--json');
    const v = JSON.parse(r.out);
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['reachable', 'blockedBy', 'hops', 'source', 'destination']));
    expect(v.hops.map((h: { kind: string }) => h.kind)).toContain('sg-ingress');
  });

  test('the text form marks the blocking hop and prints its fix', async () => {
    const r = await run('reproduce', caseDir('b'), '--from', 'CJ-AWS02', '--to', 'CJ-VM01');
    expect(r.out).toMatch(/✗ eni-sg-ingress .*\(default\)/);
    expect(r.out).toContain('aws ec2 authorize-security-group-ingress --cli-input-json');
    expect(r.out).toContain('blocked by ENI_SG_INGRESS_NO_MATCH on the forward path');
  });

  test('--all prints the matrix with the case-b block in the EC2 → VM column', async () => {
    const r = await run('reproduce', caseDir('b'), '--all');
    expect(r.code).toBe(0);
    const row = r.out.split('\n').find((l) => l.startsWith('CJ-AWS02'));
    expect(row).toMatch(/ENI_SG_INGRESS_NO_MATCH \(forward\)\s+reachable$/);
  });

  test('--all --json gives one verdict per instance × VM per direction', async () => {
    const r = await run('reproduce', caseDir('b'), '--all', '--json');
    expect(JSON.parse(r.out).verdicts).toHaveLength(4);
  });

  test('refs resolve by instance id and by IP as well as by name', async () => {
    const byName = await verdict(caseDir('b'), 'CJ-AWS02', 'CJ-VM01');
    const r = await run('reproduce', caseDir('b'), '--from', '172.31.16.21', '--to', '192.168.100.10', '--json');
    expect(JSON.parse(r.out).blockedBy.code).toBe(byName.blockedBy!.code);
  });
});

describe('exit codes and user errors', () => {
  test('--expect agreeing exits 0', async () => {
    expect((await run('reproduce', caseDir('b'), '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--expect', 'unreachable')).code).toBe(0);
  });

  test('--expect disagreeing exits 1', async () => {
    expect((await run('reproduce', caseDir('b'), '--from', 'CJ-AWS02', '--to', 'CJ-VM01', '--expect', 'reachable')).code).toBe(1);
  });

  test('an unknown ref exits 2 naming the flag and listing the known endpoints', async () => {
    const r = await run('reproduce', caseDir('b'), '--from', 'CJ-AWS99', '--to', 'CJ-VM01');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--from "CJ-AWS99" matches no EC2 instance or SDDC VM/);
    expect(r.err).toContain('CJ-AWS02');
  });

  test('two endpoints of the same kind exit 2', async () => {
    const r = await run('reproduce', caseDir('b'), '--from', 'CJ-AWS01', '--to', 'CJ-AWS02');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/both EC2 instances/);
  });

  test('a folder that does not exist exits 2 and says what to pass', async () => {
    const r = await run('reproduce', join(snapshots, 'no-such-case'), '--all');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not exist or is not a folder/);
  });

  test('a snapshot missing a required file exits 2 naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmc-reach-cli-'));
    try {
      await cp(caseDir('b'), dir, { recursive: true });
      await rm(join(dir, 'aws', 'describe-security-groups.json'));
      const r = await run('reproduce', dir, '--all');
      expect(r.code).toBe(2);
      expect(r.err).toContain('aws/describe-security-groups.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('truncated JSON exits 2 naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmc-reach-cli-'));
    try {
      await cp(caseDir('a'), dir, { recursive: true });
      await writeFile(join(dir, 'nsx', 'cgw-rules.json'), '{"results": [');
      const r = await run('reproduce', dir, '--all');
      expect(r.code).toBe(2);
      expect(r.err).toContain('nsx/cgw-rules.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an unknown flag exits 2 naming it', async () => {
    const r = await run('reproduce', caseDir('a'), '--all', '--colour');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--colour'");
  });

  test('a bad --expect value exits 2 listing the choices', async () => {
    const r = await run('reproduce', caseDir('a'), '--from', 'CJ-AWS01', '--to', 'CJ-VM01', '--expect', 'maybe');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/reachable, unreachable/);
  });

  test('--all together with --from exits 2', async () => {
    expect((await run('reproduce', caseDir('a'), '--all', '--from', 'CJ-AWS01')).code).toBe(2);
  });

  test('missing --to exits 2', async () => {
    const r = await run('reproduce', caseDir('a'), '--from', 'CJ-AWS01');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--to/);
  });

  test('tcp without a port exits 2', async () => {
    const r = await run('reproduce', caseDir('a'), '--from', 'CJ-AWS01', '--to', 'CJ-VM01', '--protocol', 'tcp');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--port/);
  });

  test('--help exits 0', async () => {
    const r = await run('reproduce', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--expect');
  });
});

describe('run: user errors', () => {
  test('a live run with missing settings lists each, with how to provide it, and exits 2', async () => {
    const saved = { ...process.env };
    for (const k of [
      'AWS_REGION',
      'AWS_DEFAULT_REGION',
      'VMC_ORG_ID',
      'VMC_SDDC_ID',
      'VMC_API_TOKEN',
      'VMC_API_TOKEN_FILE',
      'VMC_REACH_INSTANCE_PROFILE',
      'VMC_REACH_CONFIG',
    ])
      delete process.env[k];
    try {
      const r = await run('run', '--target', 'live');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/AWS region: set "region" .* or AWS_REGION/);
      expect(r.err).toMatch(/CSP API token: export VMC_API_TOKEN, or put it in a file/);
      expect(r.err).toMatch(/VMC org id/);
    } finally {
      process.env = saved;
    }
  });

  test('--dataplane lab with --target live is a usage error', async () => {
    const r = await run('run', '--target', 'live', '--dataplane', 'lab');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--dataplane lab .* applies to --target mock only/);
  });

  test('an unknown --target value lists the choices', async () => {
    const r = await run('run', '--target', 'prod');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/mock, live/);
  });
});

test('run --scenario matching nothing exits 2 and lists the scenarios', async () => {
  const r = await run('run', '--scenario', 'no-such-case');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/matches no scenario; the scenarios are: .*article/);
});

test('run with a report folder that cannot be written exits 2 at once, naming it', async () => {
  const r = await run('run', '--report-dir', '/proc/vmc-reach-report');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--report-dir \/proc\/vmc-reach-report cannot be created: \/proc is not a writable folder/);
});
