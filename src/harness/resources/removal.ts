// What the remove steps share: NotFound and dependency errors told apart by name, deletes retried while
// something still depends on the resource, an NSX 404 turned into a NotFound, and the remove step of a
// kind the harness only ever adopts.
import type { LedgerEntry } from '../../target/ledger';
import { waitUntil } from '../../target/wait';
import type { TeardownClients } from './kind';

export const errorName = (e: unknown): string => (e as { name?: string }).name ?? '';

/** The provider says the resource does not exist (EC2 `…NotFound`, `….NotFound`; NSX 404 via nsxNotFound). */
export const gone = (e: unknown): boolean => /NotFound$/.test(errorName(e)) || /\.NotFound/.test(errorName(e));

/** An NSX DELETE answered 404: as an EC2 NotFound, confirmed before the entry counts as removed. */
export const nsxNotFound = (e: LedgerEntry): Error =>
  Object.assign(new Error(`${e.type} ${e.id} was not found`), { name: 'NsxObjectNotFound' });

/** Runs a delete until nothing depends on the resource any more (EC2 DependencyViolation, NSX "referenced"/"children"). */
export async function retryWhileDependent(c: TeardownClients, purpose: string, fn: () => Promise<unknown>): Promise<void> {
  await waitUntil(
    async () => {
      await fn();
      return { done: true, value: undefined };
    },
    {
      purpose,
      timeoutMs: c.waitMs,
      initialDelayMs: 1_000,
      clock: c.clock,
      retryOn: (e) => errorName(e) === 'DependencyViolation' || /referenced|children/i.test((e as Error).message ?? ''),
    },
  );
}

/**
 * The remove step of a kind the harness only adopts (the connected VPC, an SDDC VM): teardown skips
 * adopted entries, so reaching this means the ledger says the run created one, which it never does.
 */
export async function neverRemoved(_c: TeardownClients, e: LedgerEntry): Promise<never> {
  throw new Error(
    `the ledger says the run ${e.action} ${e.type} ${e.id ?? e.name ?? ''}, which the harness only ever adopts and never removes`.replace(
      / +/g,
      ' ',
    ),
  );
}
