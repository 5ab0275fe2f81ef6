// `vmc-reach nightly --out <dir>`: a live run whose report goes into a dated folder with a manifest,
// compared with the previous night; exit 1 on a regression (see src/ops/nightly/run-nightly.ts).
import { Command, Option } from 'commander';
import { join } from 'node:path';
import { runNightly } from '../ops/nightly/run-nightly';
import type { Io } from './reproduce-command';
import { repoRoot } from '../package/package-root';
import { parseShard } from './shard';
import { exitCodes } from './usage-error';

interface NightlyFlags {
  out: string;
  target: 'mock' | 'live';
  scenario?: string;
  config?: string;
  shard?: string;
}

export function nightlyCommand(io: Io & { err: (t: string) => void }, setExit: (code: number) => void): Command {
  return new Command('nightly')
    .description(
      'run the scenarios live, keep the report in <out>/<YYYY-MM-DD>-<run-id>/ with a manifest, compare with the previous run; exit 1 on a regression',
    )
    .requiredOption('--out <dir>', 'history folder: one dated sub-folder per run (keep it between runs, e.g. a CI cache)')
    .addOption(
      new Option('--target <target>', 'live account (default), or the embedded mock to try it out')
        .choices(['mock', 'live'])
        .default('live'),
    )
    .option('--scenario <pattern>', 'only scenario files whose path matches this pattern')
    .option('--shard <i/n>', 'run the i-th of n parts of the scenario files (CI matrix); compared with the same shard only', parseShard)
    .option('--config <file>', 'configuration file (default: vmc-reach.config.json/.ts in the current folder)')
    .action(async (flags: NightlyFlags) => {
      const { manifest } = await runNightly({ ...flags, bin: join(repoRoot(), 'bin', 'vmc-reach.cjs') }, io);
      setExit(manifest.regression ? exitCodes.expectationFailed : exitCodes.ok);
    });
}
