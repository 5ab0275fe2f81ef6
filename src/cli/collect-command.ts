// `vmc-reach collect --out <dir>`: the live configuration (connected VPC and SDDC) as a snapshot folder,
// secrets removed, with --scrub account ids and public IPs replaced consistently; `reproduce` reads it.
import { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { collectSnapshot } from '../ops/collect/collect';
import { liveClients, loadLiveConfig } from '../ops/live-target';
import type { Io } from './reproduce-command';
import { exitCodes, UsageError } from './usage-error';

interface CollectFlags {
  out: string;
  scrub?: boolean;
  description?: string;
  config?: string;
}

export function collectCommand(io: Io & { err: (t: string) => void }, setExit: (code: number) => void): Command {
  return new Command('collect')
    .description('write the live configuration (connected VPC, SDDC) as a snapshot folder for reproduce; secrets removed; reads only')
    .requiredOption('--out <dir>', 'snapshot folder to write (created if needed)')
    .option('--scrub', 'replace account ids and public IP addresses by consistent placeholders (for a ticket)')
    .option('--description <text>', 'description written into manifest.json')
    .option('--config <file>', 'configuration file (default: vmc-reach.config.json/.ts in the current folder)')
    .action(async (flags: CollectFlags) => {
      // Before any API call: the snapshot is a folder, so --out must not name a file (or be empty).
      if (flags.out.trim() === '') throw new UsageError('--out is empty: name the folder to write the snapshot to');
      const existing = await stat(flags.out).catch(() => undefined);
      if (existing && !existing.isDirectory())
        throw new UsageError(
          `--out ${flags.out} is a file, not a folder: a snapshot is a folder of files (aws/, nsx/, manifest.json); name a new or existing folder`,
        );
      const clients = liveClients(await loadLiveConfig(flags.config));
      try {
        const s = await collectSnapshot(clients, {
          out: flags.out,
          ...(flags.scrub ? { scrub: true } : {}),
          ...(flags.description ? { description: flags.description } : {}),
        });
        io.out(
          `wrote ${s.files} files of connected VPC ${s.vpcId} and the SDDC to ${flags.out}${s.scrubbed ? ` (scrubbed: ${s.scrubbed.accounts} account ids, ${s.scrubbed.addresses} public addresses)` : ''}\nexplain it offline with: npx vmc-reach reproduce ${flags.out} --all\n`,
        );
        setExit(exitCodes.ok);
      } catch (e) {
        // API failures are not usage errors: one line (the clients redact secrets), exit 1.
        io.err(`vmc-reach collect: ${(e as Error).name}: ${(e as Error).message}\n`);
        setExit(exitCodes.expectationFailed);
      } finally {
        clients.close();
      }
    });
}
