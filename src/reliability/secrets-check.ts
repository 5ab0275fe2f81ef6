// The secrets check: canary values as the CSP API token and the AWS keys, a world served by this process
// that accepts exactly that token, then `vmc-reach run --target live` (the live code path through
// endpoint overrides) and `vmc-reach collect`, each in its own process. The canaries (and their base64
// forms) must appear nowhere: stdout, stderr, JUnit, results JSON (with the discovered snapshot), the
// ledgers, logs, the collected snapshot: every file written under the working folder.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './reap-cli';
import { serveWorld } from './served-world';
import { checkWorld } from './world-check';

export const canaries = {
  VMC_API_TOKEN: 'canaryCspToken0123456789abcdefCANARYcsp',
  AWS_ACCESS_KEY_ID: 'AKIACANARY0123456789',
  AWS_SECRET_ACCESS_KEY: 'canarySecretAccessKey/0123456789+CANARYaws',
} as const;

export interface SecretsReport {
  /** Where each canary was seen ("<canary> in <place>"). */
  sightings: string[];
  placesChecked: string[];
  runExit: number | null;
  collectExit: number | null;
  leaks: string[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

const forms = (v: string): string[] => [v, Buffer.from(v).toString('base64'), encodeURIComponent(v)];

export async function secretsCheck(): Promise<SecretsReport> {
  const w = await serveWorld({ apiTokens: [canaries.VMC_API_TOKEN] });
  const cwd = await mkdtemp(join(tmpdir(), 'vmc-reach-secrets-'));
  try {
    const env = { ...w.env, ...canaries, VMC_REACH_CONFIG: '', HOME: cwd, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const run = await runCli(['run', '--target', 'live', '--scenario', 'article', '--report-dir', join(cwd, 'report')], {
      cwd,
      env,
      timeoutMs: 300_000,
    });
    const collect = await runCli(['collect', '--out', join(cwd, 'collected')], {
      cwd,
      env: { ...env, VMC_REACH_TARGET: 'live' },
      timeoutMs: 120_000,
    }).catch(() => ({ code: null, stdout: '', stderr: '' }));
    const places = new Map<string, string>([
      ['run stdout', run.stdout],
      ['run stderr', run.stderr],
      ['collect stdout', collect.stdout],
      ['collect stderr', collect.stderr],
    ]);
    for (const f of (await filesUnder(cwd)).filter((p) => !p.includes(`${cwd}/.cache/`)))
      places.set(f.slice(cwd.length + 1), await readFile(f, 'utf8'));
    const sightings: string[] = [];
    for (const [name, value] of Object.entries(canaries)) {
      for (const [place, text] of places) if (forms(value).some((f) => text.includes(f))) sightings.push(`${name} in ${place}`);
    }
    if (run.code !== 0)
      sightings.push(`(the run did not pass, exit ${run.code}: the canary token may not have been used) ${run.stderr.slice(-300)}`);
    return {
      sightings,
      placesChecked: [...places.keys()],
      runExit: run.code,
      collectExit: collect.code,
      leaks: checkWorld(w.world, w.before).leaks,
    };
  } finally {
    await w.close();
    await rm(cwd, { recursive: true, force: true });
  }
}
