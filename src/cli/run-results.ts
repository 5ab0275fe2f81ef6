// The run's per-scenario results (results/*.json, each written by its scenario when it ends), read while
// later scenario files still run, each with its part of the evidence pack made as its file's outcome
// arrives: the topology its worker drew from the world it discovered (`provide`), or, when there is
// none, the result's discovered configuration read into one here. The report is mostly ready when the
// last scenario ends. `all` gives what reading the folder at the end gave: every result, in file-name
// order, as last written.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioResult } from '../target/results';
import { scenarioView, type ScenarioView } from '../report/evidence-pack/render-pack';
import type { TopologyModel } from '../report/evidence-pack/topology-model';
import type { ScenarioFileOutcome } from './scenario-runner/file-outcome';

interface Read {
  /** The file's size and time when read: a file written again since is read again. */
  stamp: string;
  result: ScenarioResult;
  view?: ScenarioView;
}

export class RunResults {
  private readonly read = new Map<string, Read>();
  /** Topologies the workers drew (by scenario title, unique in a run): see ScenarioOutcomeSummary. */
  private readonly drawn = new Map<string, TopologyModel>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {}

  /** Takes the topologies a file's outcome brings. */
  provide(outcome: ScenarioFileOutcome): void {
    for (const s of outcome.scenarios) if (s.topology) this.drawn.set(s.title, s.topology);
  }

  /** The view of a result: with the topology the worker drew when it has one, else read from the discovered files. */
  private viewOf(result: ScenarioResult): ScenarioView {
    const topology = result.discovered ? this.drawn.get(result.title) : undefined;
    return topology ? { result, topology } : scenarioView(result);
  }

  /** Reads the results written since the last call; one read at a time. A file still being written is left for later. */
  collect(): Promise<void> {
    this.queue = this.queue.then(() => this.readNew(false));
    return this.queue;
  }

  private async readNew(final: boolean): Promise<void> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
    for (const name of names) {
      const file = join(this.dir, name);
      const s = await stat(file).catch(() => undefined);
      if (!s) continue;
      const stamp = `${s.size}:${s.mtimeMs}`;
      if (this.read.get(name)?.stamp === stamp) continue;
      const text = await readFile(file, 'utf8');
      let result: ScenarioResult;
      try {
        result = JSON.parse(text) as ScenarioResult;
      } catch (e) {
        if (final) throw e;
        continue; // being written: its scenario has not ended yet
      }
      this.read.set(name, { stamp, result });
    }
  }

  /**
   * Makes the evidence-pack views of the results read so far (while the workers run), one per turn of
   * the event loop, so that a worker asking for its next file waits for one view at most.
   */
  async prepare(): Promise<void> {
    await this.collect();
    for (const r of this.read.values()) {
      // A result whose file is still running gets its worker's topology with the file's outcome.
      if (r.view || (r.result.discovered && !this.drawn.has(r.result.title))) continue;
      r.view = this.viewOf(r.result);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Every result (and its evidence-pack view), in file-name order, as the files stand now. */
  async all(): Promise<{ results: ScenarioResult[]; views: () => ScenarioView[] }> {
    this.queue = this.queue.then(() => this.readNew(true));
    await this.queue;
    const entries = [...this.read.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    return { results: entries.map((r) => r.result), views: () => entries.map((r) => (r.view ??= this.viewOf(r.result))) };
  }
}
