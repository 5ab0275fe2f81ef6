// `npm run live:moto`: the live path (`vmc-reach run --target live`, doctor, collect → reproduce, reap)
// against moto_server on 127.0.0.1 for EC2/SSM and `vmc-reach mock serve` for the VMware side.
// Exits 1 on any false pass, false failure or leak of the harness; moto's own residue is listed apart.
// `--scenario <regex>` runs a subset of the scenario files; `--only scenarios,doctor,collect,reap` a subset of the stages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/package/package-root';
import { liveVsMoto, type Stage } from '../src/ops/live-moto/live-vs-moto';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const arg = process.argv.indexOf('--scenario');
  const only = process.argv.indexOf('--only');
  const workDir = mkdtempSync(join(tmpdir(), 'vmc-reach-live-moto-'));
  try {
    const stages = only > 0 ? ((process.argv[only + 1] ?? '').split(',') as Stage[]) : undefined;
    const t = await liveVsMoto({ repo: repoRoot(), workDir, out: (l) => void process.stdout.write(`${l}\n`), ...(arg > 0 ? { scenario: new RegExp(process.argv[arg + 1] ?? '') } : {}), ...(stages ? { stages } : {}) });
    // A run that was to run scenarios and ran none is no pass.
    const ranWhatItShould = t.scenarios > 0 || (stages !== undefined && !stages.includes('scenarios'));
    return t.falsePasses + t.falseFailures + t.leaks === 0 && ranWhatItShould ? 0 : 1;
  } finally {
    if (!process.env.VMC_REACH_KEEP) rmSync(workDir, { recursive: true, force: true });
    else process.stderr.write(`kept ${workDir}\n`);
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  process.stderr.write(`live-vs-moto could not run: ${e.stack ?? e.message}\n`);
  process.exit(2);
});
