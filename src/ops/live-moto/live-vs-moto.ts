// `npm run live:moto`: the live path measured against moto. Every built-in scenario runs through
// `vmc-reach run --target live` (one process each) with full describe-* dumps before and after; then
// doctor (ready, the SSM call moto lacks, a missing instance profile), collect → reproduce, and reap after
// a SIGKILL of a run. One line per scenario and per check, moto's residue apart, and the summary line
// `live-vs-moto: N scenarios, P probes, F false passes, G false failures, L leaks`.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { DeleteNetworkInterfaceCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { join } from 'node:path';
import type { ScenarioResult } from '../../target/results';
import { createVmcClient, Secret } from '../../clients/vmc';
import { judgeScenario } from './classify';
import { dumpAws } from './describe-dump';
import { diffDumps, type Finding } from './dump-diff';
import { openSession, vmNames, type Session } from './session';
import { runCli, startCli, type CliRun } from './vmc-process';

export interface Tally {
  scenarios: number;
  probes: number;
  falsePasses: number;
  falseFailures: number;
  leaks: number;
  residue: Finding[];
}

export const summaryLine = (t: Tally): string =>
  `live-vs-moto: ${t.scenarios} scenarios, ${t.probes} probes, ${t.falsePasses} false passes, ${t.falseFailures} false failures, ${t.leaks} leaks`;

/** The probes each scenario declares, from `vmc-reach run --dry-run` (title → count). */
function declaredProbes(plan: string): Map<string, number> {
  const out = new Map<string, number>();
  let title = '';
  for (const line of plan.split('\n')) {
    const m = /^scenario: (.*)$/.exec(line);
    if (m) title = m[1]!;
    else if (/^\s+probe: /.test(line)) out.set(title, (out.get(title) ?? 0) + 1);
  }
  return out;
}

async function readResults(dir: string): Promise<ScenarioResult[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as ScenarioResult));
}

/** The AMI the SSM public parameter resolves to in moto (moto's DescribeImages knows it). */
async function motoImage(c: Ctx): Promise<string> {
  const r = await fetch(c.s.moto.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonSSM.GetParameter',
      authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-west-2/ssm/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }),
  });
  return ((await r.json()) as { Parameter: { Value: string } }).Parameter.Value;
}

const tail = (r: CliRun): string => `${r.stdout}${r.stderr}`.trim().split('\n').slice(-6).join(' | ');

interface Ctx {
  s: Session;
  bin: string;
  workDir: string;
  out: (line: string) => void;
  t: Tally;
}

/** Leaks and moto residue since `before`; leaks are attributed to a run by their vmc-reach:run-id tag. */
async function leakCheck(
  c: Ctx,
  before: Awaited<ReturnType<typeof dumpAws>>,
  what: string,
): Promise<{ leaks: { leak: Finding; runId?: string }[]; findings: Finding[] }> {
  const after = await dumpAws(c.s.ec2);
  const findings = diffDumps(before, after);
  const runOf = new Map<string, string>();
  for (const t of (after.files['describe-tags.json']?.Tags as { ResourceId?: string; Key?: string; Value?: string }[] | undefined) ?? [])
    if (t.Key === 'vmc-reach:run-id' && t.ResourceId && t.Value) runOf.set(t.ResourceId, t.Value);
  const leaks = findings
    .filter((f) => f.kind === 'leak')
    .map((leak) => {
      const runId = runOf.get(leak.resource.split(' ').pop() ?? '');
      return { leak, ...(runId ? { runId } : {}) };
    });
  for (const l of leaks) c.out(`    LEAK (${what}${l.runId ? `, run ${l.runId}` : ''}) ${l.leak.resource}: ${l.leak.why}`);
  c.t.leaks += leaks.length;
  c.t.residue.push(...findings.filter((f) => f.kind === 'moto-residue'));
  return { leaks, findings };
}

/** Scenarios that create subnets leave moto residue no API removes (a deleted subnet stays associated with the default ACL). */
const makesSubnets = async (repo: string, file: string): Promise<boolean> =>
  /\baws\.subnet\(/.test(await readFile(join(repo, 'scenarios', file), 'utf8'));

/** The ENIs AWS would have deleted with their instances (moto keeps them), removed so the next scenario sees an AWS-like account. */
async function clearEniResidue(c: Ctx, findings: Finding[]): Promise<void> {
  for (const f of findings) {
    const eni = /^ENI (eni-\S+)$/.exec(f.resource);
    if (f.kind === 'moto-residue' && eni) await c.s.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni[1] }));
  }
}

/** One scenario file through its own `vmc-reach run --target live` process, with the dumps before and after. */
async function runScenarioFile(c: Ctx, file: string, plan: Map<string, number>): Promise<void> {
  const name = file.replace(/\.scenario\.ts$/, '');
  const before = await dumpAws(c.s.ec2);
  const reportDir = join(c.workDir, 'reports', name);
  const r = await runCli(
    c.bin,
    ['run', '--target', 'live', '--config', c.s.configFile, '--scenario', `/${name}\\.scenario\\.ts$`, '--report-dir', reportDir],
    { cwd: c.workDir, env: c.s.env },
  );
  const results = await readResults(join(reportDir, 'results'));
  const { leaks, findings } = await leakCheck(c, before, name);
  await clearEniResidue(c, findings);
  c.t.scenarios++;
  const result = results[0];
  if (results.length !== 1 || !result) {
    c.t.falseFailures++;
    c.out(`✗ ${name}: no result (exit ${r.status}): ${tail(r)}`);
    return;
  }
  const j = judgeScenario(result, plan.get(result.title) ?? result.probes.length);
  const count = (cls: string): number => j.probes.filter((p) => p.cls === cls).length;
  c.t.probes += j.probes.length;
  c.t.falsePasses += count('false-pass');
  c.t.falseFailures += count('false-failure') + (j.errors.length > 0 && count('false-failure') === 0 ? 1 : 0);
  const ok = count('false-pass') + count('false-failure') + j.errors.length + leaks.length === 0;
  c.out(
    `${ok ? '✓' : '✗'} ${result.title}: ${j.probes.length} probes: ${count('did-not-run')} did not run (moto runs no command; verdict as expected), ${count('passed')} passed, ${count('false-pass')} false passes, ${count('false-failure')} false failures; ${leaks.length} leaks`,
  );
  for (const e of j.errors) c.out(`    ${e}`);
  for (const p of j.probes.filter((x) => x.cls === 'false-pass' || x.cls === 'false-failure')) c.out(`    ${p.cls} ${p.label}: ${p.why}`);
}

async function scenarios(c: Ctx, repo: string, files: string[], plan: Map<string, number>): Promise<void> {
  let fresh = true;
  for (const f of files) {
    if (!fresh) await c.s.renew();
    await runScenarioFile(c, f, plan);
    fresh = !(await makesSubnets(repo, f));
  }
}

/** A check of a command: its outcome must be the expected one, else it counts as a false pass/failure. */
function expectCheck(c: Ctx, label: string, ok: boolean, falsePass: boolean, detail: string): void {
  if (!ok) {
    if (falsePass) c.t.falsePasses++;
    else c.t.falseFailures++;
  }
  c.out(`${ok ? '✓' : '✗'} ${label}: ${detail}`);
}

const lineOf = (out: string, check: string): string => out.split('\n').find((l) => l.slice(2).startsWith(check)) ?? `(no "${check}" line)`;

async function doctorChecks(c: Ctx): Promise<void> {
  await c.s.renew();
  const ready = await runCli(c.bin, ['doctor', '--config', c.s.configFile], { cwd: c.workDir, env: c.s.env });
  const lines = ready.stdout.split('\n');
  const crosses = lines.filter((l) => /^[✗–] /.test(l));
  const offVm = lines.find((l) => l.includes(`scenario VM CJ-VM02-OFF → ${vmNames['CJ-VM02-OFF']}`)) ?? '';
  // The powered-off VM of the live.vms mapping has no SSM node: doctor says so, and only that.
  const ok =
    ready.status === 1 &&
    crosses.length === 1 &&
    offVm.startsWith('✗') &&
    lines.some((l) => l.startsWith(`✓ scenario VM CJ-VM01 → ${vmNames['CJ-VM01']}`));
  expectCheck(
    c,
    'doctor (ready account; live.vms maps a powered-off VM)',
    ok,
    offVm.startsWith('✓'),
    ok ? `every check ✓ but ${offVm}` : `exit ${ready.status}: ${crosses.join(' | ') || tail(ready)}`,
  );

  // SSM straight to moto, without the shim: DescribeInstanceInformation answers HTTP 500.
  const noShim = await runCli(c.bin, ['doctor', '--config', c.s.configFile], {
    cwd: c.workDir,
    env: { ...c.s.env, AWS_ENDPOINT_URL_SSM: c.s.moto.url },
  });
  const ssmLine = lineOf(noShim.stdout, 'SDDC VM registered with SSM');
  expectCheck(
    c,
    'doctor (SSM DescribeInstanceInformation → HTTP 500)',
    ssmLine.startsWith('✗') && /HTTP 500/.test(ssmLine) && !/iam-policy/.test(ssmLine),
    ssmLine.startsWith('✓'),
    ssmLine,
  );

  const noProfile = await runCli(c.bin, ['doctor', '--config', c.s.configFile], {
    cwd: c.workDir,
    env: { ...c.s.env, VMC_REACH_INSTANCE_PROFILE: 'vmc-reach-no-such-profile' },
  });
  const profileLine = lineOf(noProfile.stdout, 'instance profile for the test instances');
  expectCheck(
    c,
    'doctor (instance profile that does not exist)',
    profileLine.startsWith('✗') && noProfile.status !== 0,
    profileLine.startsWith('✓'),
    profileLine,
  );
}

const dryRun = (c: Ctx, scenario: string): Promise<CliRun> =>
  runCli(
    c.bin,
    [
      'run',
      '--target',
      'live',
      '--dry-run',
      '--config',
      c.s.configFile,
      '--scenario',
      scenario,
      '--report-dir',
      join(c.workDir, 'reports', 'dry-run'),
    ],
    { cwd: c.workDir, env: c.s.env },
  );
const preflightLines = (r: CliRun): string[] =>
  r.stdout
    .split('\n')
    .filter((l) => l.includes('PREFLIGHT:'))
    .map((l) => l.trim());

/**
 * `run --dry-run --target live` finds what a run would fail on: nothing on a ready account; a VM whose SSM
 * node is ConnectionLost; a CGW block the SDDC's own ALLOW rule already prevents. Then a live run with the
 * node ConnectionLost: the probes from the VM are not sent, and say why.
 */
async function preflightChecks(c: Ctx): Promise<void> {
  await c.s.renew();
  const ready = await dryRun(c, 'scenario\\.ts$');
  expectCheck(
    c,
    'dry run (ready account)',
    preflightLines(ready).length === 0 && ready.status === 0,
    false,
    preflightLines(ready).join(' | ') || `no preflight problem in any scenario (exit ${ready.status})`,
  );

  const vm01 = c.s.shim.hybridNodes.find((n) => n.Name === vmNames['CJ-VM01']);
  if (vm01) vm01.PingStatus = 'ConnectionLost';
  const lost = await dryRun(c, '/article\\.scenario\\.ts$');
  const lostLine = preflightLines(lost).find((l) => /ConnectionLost/.test(l));
  expectCheck(
    c,
    "dry run (CJ-VM01's SSM node ConnectionLost)",
    !!lostLine && lost.status !== 0,
    !lostLine,
    lostLine ?? `no preflight problem (exit ${lost.status})`,
  );
  const report = join(c.workDir, 'reports', 'connection-lost');
  await runCli(
    c.bin,
    ['run', '--target', 'live', '--config', c.s.configFile, '--scenario', '/article\\.scenario\\.ts$', '--report-dir', report],
    { cwd: c.workDir, env: c.s.env },
  );
  const fromVm = (await readResults(join(report, 'results')))[0]?.probes.filter((p) => p.from.name === 'CJ-VM01') ?? [];
  const notSent =
    fromVm.length > 0 &&
    fromVm.every(
      (p) => p.observed.kind === 'infra-error' && p.observed.command === '(not sent)' && /ConnectionLost/.test(p.observed.error),
    );
  expectCheck(
    c,
    "live run (CJ-VM01's SSM node ConnectionLost)",
    notSent,
    false,
    notSent
      ? `${fromVm.length} probes from CJ-VM01 not sent: ${fromVm[0]!.observed.kind === 'infra-error' ? fromVm[0]!.observed.error : ''}`
      : 'a probe from CJ-VM01 was sent',
  );
  if (vm01) vm01.PingStatus = 'Online';

  await c.s.renew();
  const vmc = createVmcClient({
    apiToken: new Secret(c.s.env.VMC_API_TOKEN!),
    orgId: c.s.orgId,
    sddcId: c.s.sddcId,
    cspUrl: c.s.env.VMC_CSP_URL!,
    vmcUrl: c.s.env.VMC_URL!,
  });
  const { nsx } = await vmc.connect();
  await nsx.rules.patch('customer-allow-vpc', {
    resource_type: 'Rule',
    display_name: 'customer: allow all on the VPC interface',
    sequence_number: 1,
    source_groups: ['ANY'],
    destination_groups: ['ANY'],
    services: ['ANY'],
    scope: ['/infra/labels/cgw-cross-vpc'],
    action: 'ALLOW',
    direction: 'IN_OUT',
  });
  const allowed = await dryRun(c, '/cgw-rule-missing\\.scenario\\.ts$');
  const allowLine = preflightLines(allowed).find((l) => /CGW_DEFAULT_DROP/.test(l));
  expectCheck(
    c,
    'dry run (the SDDC already allows what the scenario expects blocked)',
    !!allowLine && allowed.status !== 0,
    !allowLine,
    allowLine ?? `no preflight problem (exit ${allowed.status})`,
  );
}

async function collectReproduce(c: Ctx): Promise<void> {
  await c.s.renew();
  // A customer's instance in the connected subnet, so the snapshot has an EC2 × VM pair to reproduce.
  const app = await c.s.ec2.send(
    new RunInstancesCommand({
      ImageId: await motoImage(c),
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: c.s.vpc.subnetId,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'customer-app-01' }] }],
    }),
  );
  void app;
  const dir = join(c.workDir, 'collected');
  await rm(dir, { recursive: true, force: true });
  const collected = await runCli(c.bin, ['collect', '--out', dir, '--config', c.s.configFile], { cwd: c.workDir, env: c.s.env });
  if (collected.status !== 0)
    return expectCheck(c, 'collect → reproduce', false, false, `collect exit ${collected.status}: ${tail(collected)}`);
  const repro = await runCli(c.bin, ['reproduce', dir, '--all'], { cwd: c.workDir, env: {} });
  const ok = repro.status === 0 && repro.stdout.includes(vmNames['CJ-VM01']!) && /customer-app-01/.test(repro.stdout);
  expectCheck(
    c,
    'collect → reproduce',
    ok,
    false,
    ok
      ? `snapshot of ${c.s.vpc.vpcId} collected and reproduced offline (${repro.stdout.trim().split('\n').length} lines)`
      : `reproduce exit ${repro.status}: ${tail(repro)}`,
  );
}

async function reapAfterKill(c: Ctx): Promise<void> {
  await c.s.renew();
  const before = await dumpAws(c.s.ec2);
  const runs = join(c.workDir, '.vmc-reach', 'runs');
  const known = new Set(await readdir(runs).catch(() => [] as string[]));
  const { child, done } = startCli(
    c.bin,
    [
      'run',
      '--target',
      'live',
      '--config',
      c.s.configFile,
      '--scenario',
      '/article\\.scenario\\.ts$',
      '--report-dir',
      join(c.workDir, 'reports', 'killed'),
    ],
    { cwd: c.workDir, env: c.s.env },
  );
  let runId: string | undefined;
  let state = '';
  // Until the run has launched an instance, or has ended without one (then the check fails with its output).
  // No fixed limit below the run's own: on a loaded 2-core CI machine the run can take minutes to get there.
  let ended = false;
  void done.then(() => (ended = true));
  const giveUpAt = Date.now() + 300_000;
  while (!runId && !ended && Date.now() < giveUpAt) {
    await new Promise((r) => setTimeout(r, 100));
    for (const f of (await readdir(runs).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !known.has(n))) {
      const ledger = JSON.parse(await readFile(join(runs, f), 'utf8').catch(() => '{}')) as { entries?: { type: string; state: string }[] };
      const instance = ledger.entries?.find((e) => e.type === 'ec2:instance');
      if (instance) {
        runId = f.replace(/\.json$/, '');
        state = instance.state;
      }
    }
  }
  child.kill('SIGKILL');
  const killed = await done;
  if (!runId)
    return expectCheck(
      c,
      'reap after SIGKILL',
      false,
      false,
      `the run never launched an instance to kill it after (${ended ? `it ended with exit ${killed.status}: ${tail(killed)}` : 'none within 5 minutes'})`,
    );
  const reap = await runCli(c.bin, ['reap', '--run', runId, '--yes', '--config', c.s.configFile], { cwd: c.workDir, env: c.s.env });
  const leaks = (await leakCheck(c, before, 'reap')).leaks.length;
  expectCheck(
    c,
    'reap after SIGKILL',
    reap.status === 0 && leaks === 0,
    false,
    `run ${runId} killed once its ledger held an instance (${state}); reap exit ${reap.status}, ${leaks} leaks${reap.status === 0 ? '' : `: ${tail(reap)}`}`,
  );
}

export type Stage = 'scenarios' | 'preflight' | 'doctor' | 'collect' | 'reap';

export async function liveVsMoto(o: {
  repo: string;
  workDir: string;
  out: (line: string) => void;
  scenario?: RegExp;
  stages?: Stage[];
}): Promise<Tally> {
  const stages = new Set<Stage>(o.stages ?? ['scenarios', 'preflight', 'doctor', 'collect', 'reap']);
  const t0 = Date.now();
  await mkdir(o.workDir, { recursive: true });
  const t: Tally = { scenarios: 0, probes: 0, falsePasses: 0, falseFailures: 0, leaks: 0, residue: [] };
  const s = await openSession({ repo: o.repo, workDir: o.workDir });
  const c: Ctx = { s, bin: join(o.repo, 'bin', 'vmc-reach.cjs'), workDir: o.workDir, out: o.out, t };
  try {
    o.out(
      `moto ${s.moto.url} (pid ${s.moto.pid}); SSM through the DescribeInstanceInformation shim ${s.shim.url}; connected VPC ${s.vpc.vpcId} ${s.vpc.cidr}, active ENI ${s.vpc.activeEni}`,
    );
    const files = (await readdir(join(o.repo, 'scenarios')))
      .filter((f) => f.endsWith('.scenario.ts') && (!o.scenario || o.scenario.test(f)))
      .sort();
    if (stages.has('scenarios')) {
      const dry = await runCli(
        c.bin,
        ['run', '--target', 'live', '--config', s.configFile, '--dry-run', '--report-dir', join(o.workDir, 'reports', 'dry-run')],
        { cwd: o.workDir, env: s.env },
      );
      await scenarios(c, o.repo, files, declaredProbes(dry.stdout));
    }
    if (stages.has('preflight')) await preflightChecks(c);
    if (stages.has('doctor')) await doctorChecks(c);
    if (stages.has('collect')) await collectReproduce(c);
    if (stages.has('reap')) await reapAfterKill(c);
    const residue = new Map<string, number>();
    for (const r of t.residue) residue.set(r.why, (residue.get(r.why) ?? 0) + 1);
    o.out(`moto's own residue (facts of moto, not leaks): ${residue.size === 0 ? 'none' : ''}`);
    for (const [why, n] of residue) o.out(`  ${n} × ${why}`);
    o.out(`the shim answered DescribeInstanceInformation ${s.shim.answered} times (moto 5.2 does not implement it)`);
    o.out(`wall time ${Math.round((Date.now() - t0) / 1000)} s`);
    o.out(summaryLine(t));
    return t;
  } finally {
    await s.close();
  }
}
