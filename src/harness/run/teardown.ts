// Teardown from the ledger: everything the run created is removed and every foreign change reverted,
// in reverse order; one failure does not stop the rest, and all failures are reported. Also what
// `vmc-reach reap --run <id>` runs to resume an interrupted teardown. Nothing without a ledger entry is
// ever touched; adopted resources are left alone. Each entry is removed by its kind's remove step
// (src/harness/resources, looked up by the entry's type; a type this version does not know fails that
// entry, by name). A NotFound is confirmed (tried again after a pause) before it counts as gone, and
// entries that failed get further passes (one failure can cause another).
import type { Ledger, LedgerEntry } from '../../target/ledger';
import { kindOf, removedTogether, type RemoveOutcome, type TeardownClients } from '../resources';
import { errorName, gone } from '../resources/removal';

export type { TeardownClients } from '../resources';

export interface TeardownReport {
  removed: LedgerEntry[];
  reverted: LedgerEntry[];
  failed: { entry: LedgerEntry; error: string }[];
}

/**
 * The kinds removed all at once go first (instances: one TerminateInstances and one wait for all).
 * Returns the entries they settled; the others are left to the one-by-one passes.
 */
async function removeTogetherFirst(c: TeardownClients, ledger: Ledger, todo: LedgerEntry[], report: TeardownReport): Promise<Set<number>> {
  const done = new Set<number>();
  for (const kind of removedTogether) {
    await kind.removeTogether!(
      c,
      todo.filter((e) => e.type === kind.type),
      {
        async neverCreated(e) {
          await ledger.update(e.seq, { state: 'removed' }); // never created: nothing to remove
          done.add(e.seq);
        },
        async removed(e) {
          await ledger.update(e.seq, { state: 'removed' });
          report.removed.push(e);
          done.add(e.seq);
          c.log(`removed ${e.type} ${e.name ?? ''} ${e.id ?? ''}`.trim());
        },
      },
    );
  }
  return done;
}

/**
 * One entry's removal. A NotFound is confirmed before it counts as gone: right after a create, EC2 and
 * NSX may answer NotFound for something that exists (eventual consistency), so the removal is tried
 * again after a pause, and only a repeated NotFound means the resource is really gone.
 */
async function removeConfirmingGone(c: TeardownClients, e: LedgerEntry): Promise<RemoveOutcome | 'gone'> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await kindOf(e.type).remove(c, e);
    } catch (err) {
      if (!gone(err)) throw err;
      if (attempt >= notFoundConfirmations) return 'gone';
      await c.clock.sleep(2_000 * attempt);
    }
  }
}

const notFoundConfirmations = 3;
/** Passes over the entries that failed: a removal can fail only because an earlier one did (a rule still referencing a group). */
const maxPasses = 3;

export async function teardown(ledger: Ledger, c: TeardownClients): Promise<TeardownReport> {
  const report: TeardownReport = { removed: [], reverted: [], failed: [] };
  let todo = [...ledger.entries()]
    .reverse()
    .filter((e) => e.action !== 'adopted' && (e.state === 'live' || e.state === 'intended' || e.state === 'removal-failed'));
  const together = await removeTogetherFirst(c, ledger, todo, report);
  todo = todo.filter((e) => !together.has(e.seq));
  for (let pass = 1; pass <= maxPasses && todo.length > 0; pass++) {
    const failed: { entry: LedgerEntry; error: string }[] = [];
    for (const e of todo) {
      try {
        const outcome = await removeConfirmingGone(c, e);
        await ledger.update(e.seq, { state: 'removed' });
        if (outcome === 'skipped' || outcome === 'gone') continue;
        (outcome === 'reverted' ? report.reverted : report.removed).push(e);
        c.log(`${outcome} ${e.type} ${e.name ?? ''} ${e.id ?? ''}`.trim());
      } catch (err) {
        const message = `${errorName(err) || 'Error'}: ${(err as Error).message}`;
        await ledger.update(e.seq, { state: 'removal-failed', error: message });
        failed.push({ entry: e, error: message });
        c.log(`FAILED to remove ${e.type} ${e.id ?? ''}${pass < maxPasses ? ' (will try again)' : ''}: ${message}`);
      }
    }
    todo = failed.map((f) => f.entry);
    if (pass === maxPasses || failed.length === 0) report.failed.push(...failed);
  }
  await ledger.finish();
  return report;
}
