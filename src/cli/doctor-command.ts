// `vmc-reach doctor`: checks every prerequisite of `run --target live` (credentials, region, CSP token
// and roles, SDDC, connected VPC, the VM as an SSM managed node, AMI, instance profile, permissions by
// DryRun) and prints one line per check with how to fix what is missing. Exit 0 all pass, 1 otherwise.
import { Command } from 'commander';
import { runDoctor } from '../ops/doctor/run-doctor';
import { loadLiveConfig } from '../ops/live-target';
import type { Io } from './reproduce-command';
import { exitCodes } from './usage-error';

export function doctorCommand(io: Io & { err: (t: string) => void }, setExit: (code: number) => void): Command {
  return new Command('doctor')
    .description('check every prerequisite of a live run and say how to fix each missing one (exit 0 when all pass, 1 otherwise)')
    .option('--config <file>', 'configuration file (default: vmc-reach.config.json/.ts in the current folder)')
    .action(async (opts: { config?: string }) => {
      const config = await loadLiveConfig(opts.config);
      io.out('vmc-reach doctor: prerequisites of run --target live\n');
      const ok = await runDoctor(config, process.env, io.out);
      io.out(ok ? 'all checks passed\n' : 'some checks failed: fix the ✗ lines above and run doctor again\n');
      setExit(ok ? exitCodes.ok : exitCodes.expectationFailed);
    });
}
