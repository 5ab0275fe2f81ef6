// `vmc-reach reap`: finds what runs left behind, from their ledgers (.vmc-reach/runs/) and, with
// --older-than, from the run-id tags in the live account and SDDC (src/ops/reap), and removes it.
// Lists by default; deletes only with --yes. Touches nothing without a ledger entry or the harness's
// tag: resources that were adopted are never deleted, foreign changes are reverted exactly.
import { Command } from 'commander';
import { createAwsClients } from '../clients/aws';
import { createVmcClient } from '../clients/vmc';
import { loadConfig } from '../target/config/load-config';
import { Ledger, type LedgerEntry } from '../target/ledger';
import { teardown } from '../harness/run/teardown';
import { resolveTarget } from '../target/target';
import { realClock } from '../target/wait';
import type { Io } from './reproduce-command';
import { exitCodes, UsageError } from './usage-error';
import { parseDuration } from '../ops/duration';
import { liveClients, loadLiveConfig } from '../ops/live-target';
import { pendingLedgerIds, reapTagged } from '../ops/reap/reap-tagged';

export interface ReapOptions {
  run?: string;
  yes?: boolean;
  config?: string;
  target?: 'mock' | 'live';
  /** Also scan the live account and SDDC for resources tagged with a run id older than this (ms). */
  olderThan?: number;
}

const pending = (e: LedgerEntry): boolean => e.action !== 'adopted' && e.state !== 'removed';
const describe = (e: LedgerEntry): string =>
  `  ${e.action === 'changed' ? 'revert' : 'remove'} ${e.type} ${e.name ?? ''} ${e.id ?? (e.details?.clientToken ? `(client token ${String(e.details.clientToken)})` : '')} [${e.state}${e.error ? `: ${e.error}` : ''}]`.replace(
    / +/g,
    ' ',
  );

export async function runReap(opts: ReapOptions, io: Io & { err: (t: string) => void }, root = process.cwd()): Promise<number> {
  const runs = opts.run
    ? (await Ledger.list(root)).includes(opts.run) || opts.olderThan === undefined
      ? [opts.run]
      : []
    : await Ledger.list(root);
  const ledgers = await Promise.all(runs.map((r) => Ledger.open(root, r)));
  const fromLedgers = await reapLedgers(opts, ledgers, io);
  if (opts.olderThan === undefined) return fromLedgers;
  const clients = liveClients(await loadLiveConfig(opts.config));
  try {
    const byTags = await reapTagged(
      clients,
      {
        olderThanMs: opts.olderThan,
        ...(opts.run ? { run: opts.run } : {}),
        ...(opts.yes ? { yes: true } : {}),
        ledgerIds: pendingLedgerIds(ledgers.flatMap((l) => l.entries())),
      },
      io,
    );
    return Math.max(fromLedgers, byTags);
  } finally {
    clients.close();
  }
}

async function reapLedgers(opts: ReapOptions, ledgers: Ledger[], io: Io & { err: (t: string) => void }): Promise<number> {
  const open = ledgers.filter((l) => l.entries().some(pending));
  if (open.length === 0) {
    io.out(
      opts.run
        ? `run ${opts.run}: nothing left to remove\n`
        : `no run left anything behind (${ledgers.length} ledger(s) under .vmc-reach/runs)\n`,
    );
    return exitCodes.ok;
  }
  for (const l of open)
    io.out(
      `run ${l.runId} (${l.file.target}, started ${l.file.startedAt}):\n${l.entries().filter(pending).reverse().map(describe).join('\n')}\n`,
    );
  if (!opts.yes) {
    io.out('nothing was changed; run again with --yes to remove these (add --run <id> for one run)\n');
    return exitCodes.ok;
  }
  const { config } = await loadConfig(opts.config ? { file: opts.config } : {});
  let failures = 0;
  for (const l of open) {
    const target = opts.target ?? l.file.target;
    // A run on the embedded mock: its world lived and ended in that run's process, and nothing answers
    // for it anywhere else. Nothing is sent (the mock clients would try the real service hosts).
    if (target === 'mock' && !process.env.AWS_ENDPOINT_URL_EC2 && !process.env.AWS_ENDPOINT_URL) {
      io.out(
        `run ${l.runId}: it ran on the embedded mock, whose world ended with the run: nothing to remove, nothing sent (for a run against "vmc-reach mock serve", export the endpoints it prints)\n`,
      );
      continue;
    }
    const settings = resolveTarget({ ...config, target });
    const aws = createAwsClients(settings.aws);
    try {
      const { nsx } = await createVmcClient(settings.vmc).connect();
      const report = await teardown(l, {
        ec2: aws.ec2,
        nsx,
        clock: realClock,
        log: (line) => io.err(`[vmc-reach] ${line}\n`),
        waitMs: 5 * 60_000,
      });
      failures += report.failed.length;
      io.out(`run ${l.runId}: removed ${report.removed.length}, reverted ${report.reverted.length}, failed ${report.failed.length}\n`);
      for (const f of report.failed) io.out(`  FAILED ${f.entry.type} ${f.entry.id ?? ''}: ${f.error}\n`);
    } finally {
      aws.destroy();
    }
  }
  return failures === 0 ? exitCodes.ok : exitCodes.expectationFailed;
}

export function reapCommand(io: Io & { err: (t: string) => void }, setExit: (code: number) => void): Command {
  return new Command('reap')
    .description(
      "list what runs left behind (from their ledgers, and with --older-than from the run-id tags in the live account and SDDC) and, with --yes, remove it; never touches anything without a ledger entry or the harness's tag",
    )
    .option('--run <id>', 'only this run')
    .option(
      '--older-than <duration>',
      'also find resources tagged vmc-reach:run-id older than this (e.g. 6h, 90m, 2d) in the live account and SDDC',
      (v: string) => {
        const ms = parseDuration(v);
        if (ms === undefined)
          throw new UsageError(`--older-than "${v}" is not a duration: a number and a unit s, m, h or d (e.g. 6h, 90m, 1d12h)`);
        return ms;
      },
    )
    .option('--yes', 'remove (without it, only list)')
    .option('--config <file>', 'configuration file, for the target the ledgers were written against and the tag scan')
    .action(async (opts: ReapOptions) => {
      if (opts.run !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(opts.run))
        throw new UsageError(`--run "${opts.run}" is not a run id (list the runs with "vmc-reach reap")`);
      setExit(await runReap(opts, io));
    });
}
