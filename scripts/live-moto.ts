// `npm run live:moto`: the live path (`vmc-reach run --target live`, doctor, collect → reproduce, reap)
// against moto_server on 127.0.0.1 for EC2/SSM and `vmc-reach mock serve` for the VMware side.
// Exits 1 on any false pass, false failure or leak of the harness; moto's own residue is listed apart.
// `--scenario <regex>` runs a subset of the scenario files; `--only scenarios,doctor,collect,reap` a subset of the stages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/cli/repo-root';
import { liveVsMoto, type Stage } from '../src/ops/live-moto/live-vs-moto';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const arg = process.argv.indexOf('--scenario');
  const only = process.argv.indexOf('--only');
  const workDir = mkdtempSync(join(tmpdir(), 'vmc-reach-live-moto-'));
  const t0 = Date.now();
  try {
    const t = await liveVsMoto({ repo: repoRoot(), workDir, out: (l) => void process.stdout.write(`${l}\n`), ...(arg > 0 ? { scenario: new RegExp(process.argv[arg + 1] ?? '') } : {}), ...(only > 0 ? { stages: (process.argv[only + 1] ?? '').split(',') as Stage[] } : {}) });
    process.stdout.write(`(${Math.round((Date.now() - t0) / 1000)} s)\n`);
    return t.falsePasses + t.falseFailures + t.leaks === 0 && t.scenarios > 0 ? 0 : 1;
  } finally {
    if (!process.env.VMC_REACH_KEEP) rmSync(workDir, { recursive: true, force: true });
    else process.stdout.write(`kept ${workDir}\n`);
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  process.stderr.write(`live-vs-moto could not run: ${e.stack ?? e.message}\n`);
  process.exit(2);
});
