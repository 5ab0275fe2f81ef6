// `reap --older-than <duration>`: the tag half of reap. Lists resources tagged with a run id older than
// the given age (ledger entries still pending are left to the ledger half), and with --yes removes them.
import type { LedgerEntry } from '../../target/ledger';
import { realClock, type Clock } from '../../target/wait';
import { formatAge } from '../duration';
import type { LiveClients } from '../live-target';
import { removeTagged } from './remove-tagged';
import { findTaggedEc2, findTaggedNsx, type TaggedResource } from './tagged-resources';

export interface ReapTaggedOptions {
  olderThanMs: number;
  run?: string;
  yes?: boolean;
  /** Ids the ledgers still list as pending: removed through the ledger, not here. */
  ledgerIds: ReadonlySet<string>;
  clock?: Clock;
  waitMs?: number;
}

export interface ReapIo {
  out(text: string): void;
  err(text: string): void;
}

const line = (r: TaggedResource): string => `  remove ${r.kind} ${r.id}${r.name ? ` ${r.name}` : ''} (age ${formatAge(r.ageMs!)})`;

export async function reapTagged(c: LiveClients, o: ReapTaggedOptions, io: ReapIo): Promise<number> {
  const clock = o.clock ?? realClock;
  const now = clock.now();
  const found = await findTaggedEc2(c.aws.ec2, now);
  let nsx: Awaited<ReturnType<LiveClients['vmc']['connect']>>['nsx'] | undefined;
  let problems = 0;
  try {
    nsx = (await c.vmc.connect()).nsx;
    found.push(...(await findTaggedNsx(nsx, now)));
  } catch (e) {
    problems++;
    io.err(`vmc-reach reap: NSX objects not scanned: ${(e as Error).name}: ${(e as Error).message}\n`);
  }
  const mine = found.filter((r) => (o.run === undefined || r.runId === o.run) && !o.ledgerIds.has(r.id));
  const due = mine.filter((r) => r.ageMs !== undefined && r.ageMs >= o.olderThanMs);
  const left = mine.length - due.length;
  const scope = `tagged ${'vmc-reach:run-id'}${o.run ? ` = ${o.run}` : ''}, older than ${formatAge(o.olderThanMs)}`;
  if (due.length === 0) {
    io.out(`no resource ${scope}${left > 0 ? ` (${left} younger or of unknown age left alone)` : ''}\n`);
    return problems === 0 ? 0 : 1;
  }
  const runs = [...new Set(due.map((r) => r.runId))].sort();
  for (const run of runs)
    io.out(
      `run ${run} (found by its tags):\n${due
        .filter((r) => r.runId === run)
        .map(line)
        .join('\n')}\n`,
    );
  if (left > 0) io.out(`${left} tagged resource(s) younger than ${formatAge(o.olderThanMs)} or of unknown age are left alone\n`);
  if (!o.yes) {
    io.out('nothing was changed; run again with --yes to remove these\n');
    return problems === 0 ? 0 : 1;
  }
  const report = await removeTagged(
    { ec2: c.aws.ec2, ...(nsx ? { nsx } : {}), clock, waitMs: o.waitMs ?? 5 * 60_000, log: (l) => io.err(`[vmc-reach] ${l}\n`) },
    due,
  );
  io.out(`by tags: removed ${report.removed.length}, failed ${report.failed.length}\n`);
  for (const f of report.failed) io.out(`  FAILED ${f.resource.kind} ${f.resource.id}: ${f.error}\n`);
  return report.failed.length === 0 && problems === 0 ? 0 : 1;
}

export const pendingLedgerIds = (entries: readonly LedgerEntry[]): Set<string> =>
  new Set(entries.filter((e) => e.action !== 'adopted' && e.state !== 'removed' && e.id).map((e) => e.id!));
