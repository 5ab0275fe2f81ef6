// The run ledger: every resource a run creates, adopts or changes, written to disk
// (`.vmc-reach/runs/<run-id>.json`) BEFORE the resource is used, so teardown, a resumed teardown and
// `reap` know exactly what is the run's own. Writes are atomic (temp file + rename). Nothing secret is
// ever recorded: entries hold ids, names and the parameters of the reverting call only.
// A run of the embedded mock (its world in this process's memory, `writeThrough: false`) writes the
// ledger when it is created and when the run finishes, not before each change: a crash ends that world
// with the process, so there is nothing left to reap (`reap` says so), and the writes cost more than
// the mock's answers.
// The entry types are the harness's resource kinds (src/harness/resources): a run's ledger is a
// `Ledger<LedgerType>`, so it cannot record a type teardown has no remove step for; a ledger read back
// from disk may hold any type (an older or newer version wrote it), and teardown refuses unknown ones.
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export type LedgerAction = 'created' | 'adopted' | 'changed';
export type LedgerState = 'intended' | 'live' | 'removed' | 'removal-failed';

export interface LedgerEntry<T extends string = string> {
  seq: number;
  action: LedgerAction;
  /** `ec2:instance`, `ec2:security-group`, `ec2:security-group-rule`, `nsx:segment`, `nsx:group`, `nsx:cgw-rule`, … */
  type: T;
  /** The resource id once known (an `intended` create may not have one yet; its clientToken finds it). */
  id?: string;
  name?: string;
  /** For changes to a foreign resource: what to call to revert exactly (e.g. revoke by rule id). */
  revert?: { action: string; params: Record<string, unknown> };
  /** Anything that helps find the resource again (client token, tags). */
  details?: Record<string, unknown>;
  state: LedgerState;
  error?: string;
  at: string;
}

export interface LedgerFile<T extends string = string> {
  runId: string;
  target: 'mock' | 'live';
  region?: string;
  startedAt: string;
  finishedAt?: string;
  entries: LedgerEntry<T>[];
}

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
}

export const ledgerDir = (root: string): string => join(root, '.vmc-reach', 'runs');
const ledgerPath = (root: string, runId: string): string => join(ledgerDir(root), `${runId}.json`);

export class Ledger<T extends string = string> {
  /** Changes not yet on disk (only when not writing through). */
  private pending = false;

  private constructor(
    private readonly root: string,
    private readonly data: LedgerFile<T>,
    private readonly now: () => Date,
    private readonly writeThrough = true,
  ) {}

  /** `writeThrough: false` for a world that ends with this process (the embedded mock): see the header. */
  static async create<T extends string = string>(
    root: string,
    head: Omit<LedgerFile, 'entries' | 'startedAt'>,
    now: () => Date = () => new Date(),
    o: { writeThrough?: boolean } = {},
  ): Promise<Ledger<T>> {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(head.runId))
      throw new LedgerError(`run id "${head.runId}" may only hold letters, digits, ".", "_" and "-"`);
    const ledger = new Ledger<T>(root, { ...head, startedAt: now().toISOString(), entries: [] }, now, o.writeThrough ?? true);
    await mkdir(ledgerDir(root), { recursive: true });
    ledger.write();
    return ledger;
  }

  static async open(root: string, runId: string, now: () => Date = () => new Date()): Promise<Ledger> {
    const path = ledgerPath(root, runId);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new LedgerError(`no ledger for run "${runId}" at ${path}; list the runs with "vmc-reach reap" (without --run)`);
    }
    let data: LedgerFile;
    try {
      data = JSON.parse(text) as LedgerFile;
    } catch (e) {
      throw new LedgerError(`the ledger ${path} is not valid JSON (${(e as Error).message}); it may have been edited by hand`);
    }
    if (data.runId !== runId || !Array.isArray(data.entries)) throw new LedgerError(`the ledger ${path} does not describe run "${runId}"`);
    return new Ledger(root, data, now);
  }

  /** Run ids with a ledger under `root`. */
  static async list(root: string): Promise<string[]> {
    const names = await readdir(ledgerDir(root)).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .sort();
  }

  get runId(): string {
    return this.data.runId;
  }

  get file(): Readonly<LedgerFile<T>> {
    return this.data;
  }

  entries(): readonly LedgerEntry<T>[] {
    return this.data.entries;
  }

  /** Records an entry and writes the ledger before returning. */
  async record(entry: Omit<LedgerEntry<T>, 'seq' | 'at' | 'state'> & { state?: LedgerState }): Promise<LedgerEntry<T>> {
    const full: LedgerEntry<T> = {
      ...entry,
      seq: this.data.entries.length + 1,
      state: entry.state ?? (entry.action === 'created' ? 'intended' : 'live'),
      at: this.now().toISOString(),
    };
    this.data.entries.push(full);
    await this.save();
    return full;
  }

  async update(
    seq: number,
    patch: Partial<Pick<LedgerEntry, 'id' | 'state' | 'error' | 'details' | 'revert' | 'name'>>,
  ): Promise<LedgerEntry<T>> {
    const e = this.data.entries.find((x) => x.seq === seq);
    if (!e) throw new LedgerError(`run ${this.runId} has no ledger entry ${seq}`);
    Object.assign(e, patch);
    if (patch.state !== 'removal-failed') delete e.error;
    if (patch.error) e.error = patch.error;
    await this.save();
    return e;
  }

  async finish(): Promise<void> {
    this.data.finishedAt = this.now().toISOString();
    this.write();
  }

  /** Writes what is not on disk yet (a run that stopped before finish()). */
  flush(): void {
    if (this.pending) this.write();
  }

  private async save(): Promise<void> {
    if (this.writeThrough) this.write();
    else this.pending = true;
  }

  private write(): void {
    this.pending = false;
    const path = ledgerPath(this.root, this.data.runId);
    const tmp = `${path}.${process.pid}.tmp`;
    // Synchronous: a few small writes per step, where each asynchronous one would wait for libuv's
    // thread pool (which a run's scenario workers share) for longer than the write takes.
    writeFileSync(tmp, `${JSON.stringify(this.data, null, 2)}\n`);
    renameSync(tmp, path);
  }
}
