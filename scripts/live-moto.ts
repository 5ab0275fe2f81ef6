// `npm run live:moto`: the live path (`vmc-reach run --target live`, doctor, collect → reproduce, reap)
// against moto_server on 127.0.0.1 for EC2/SSM and `vmc-reach mock serve` for the VMware side.
// Exits 1 on any false pass, false failure or leak of the harness; moto's own residue is listed apart.
// Every scenario file under `npm run test:full` (VMC_REACH_FULL=1, which CI runs) and `--all`; in `npm test`
// the eight of `quickScenarios`, which between them declare every kind of resource, rule and probe of
// the DSL (subnets, route tables, NACLs, DFW rules and the default rule, segment connectivity, TCP/UDP
// probes, a Windows VM, an instance without a profile). All the other stages run in both.
// `--scenario <regex>` runs a subset of the scenario files; `--only scenarios,doctor,collect,reap` a subset of the stages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/package/package-root';
import { liveVsMoto, type Stage } from '../src/ops/live-moto/live-vs-moto';

const quickScenarios =
  /^(article|cgw-service-port|custom-route-table|nacl-ephemeral-ports|dfw-default-drop|segment-disconnected|no-ssm-profile|windows-vm)\.scenario\.ts$/;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const arg = process.argv.indexOf('--scenario');
  const only = process.argv.indexOf('--only');
  const workDir = mkdtempSync(join(tmpdir(), 'vmc-reach-live-moto-'));
  try {
    const stages = only > 0 ? ((process.argv[only + 1] ?? '').split(',') as Stage[]) : undefined;
    const scenario =
      arg > 0
        ? new RegExp(process.argv[arg + 1] ?? '')
        : process.env.VMC_REACH_FULL === '1' || process.argv.includes('--all')
          ? undefined
          : quickScenarios;
    if (scenario === quickScenarios) process.stdout.write('the quick set of scenarios (npm run test:full, or --all, runs every one)\n');
    const t = await liveVsMoto({
      repo: repoRoot(),
      workDir,
      out: (l) => void process.stdout.write(`${l}\n`),
      ...(scenario ? { scenario } : {}),
      ...(stages ? { stages } : {}),
    });
    // A run that was to run scenarios and ran none is no pass.
    const ranWhatItShould = t.scenarios > 0 || (stages !== undefined && !stages.includes('scenarios'));
    return t.falsePasses + t.falseFailures + t.leaks === 0 && ranWhatItShould ? 0 : 1;
  } finally {
    if (!process.env.VMC_REACH_KEEP) rmSync(workDir, { recursive: true, force: true });
    else process.stderr.write(`kept ${workDir}\n`);
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`live-vs-moto could not run: ${e.stack ?? e.message}\n`);
    process.exit(2);
  },
);
