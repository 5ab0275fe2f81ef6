// Runs scenario files in worker threads for `vmc-reach run`: `parallelism` workers (bin/scenario-worker.cjs),
// each loading the harness once and taking the next file from the queue until none is left, so the
// files run in parallel and each worker pays the start-up once, not once per file as jest's per-file
// module registry did. A stop (the run's SIGINT/SIGTERM) is passed on to every worker. A worker that
// dies fails the file it was running, and a new one takes over the rest of the queue.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { packageRoot } from '../../package/package-root';
import type { FromWorker, ScenarioFileOutcome, ToWorker } from './file-outcome';

export interface RunFilesOptions {
  parallelism: number;
  stop: AbortSignal;
  /** The scenario files compiled ahead (precompile.ts): handed to each worker before its first file. */
  compiled?: Promise<Record<string, string>>;
  /** Called as each file's outcome arrives (its scenarios' results are written by then). */
  onOutcome?: (outcome: ScenarioFileOutcome) => void;
}

/** Whether the CLI runs from dist/ (bin/vmc-reach.cjs sets it); the workers then load the compiled harness too. */
const built = (): boolean => process.env.VMC_REACH_BUILT === '1';

export async function runScenarioFiles(files: readonly string[], o: RunFilesOptions): Promise<ScenarioFileOutcome[]> {
  const queue = [...files];
  const outcomes = new Map<string, ScenarioFileOutcome>();
  const bootstrap = join(packageRoot(), 'bin', 'scenario-worker.cjs');

  /** One worker's life: files from the queue until it is empty; the error if the worker died. */
  const work = (): Promise<{ current?: string; error?: Error }> =>
    new Promise((resolve) => {
      const worker = new Worker(bootstrap, { workerData: { built: built() } });
      let current: string | undefined;
      const send = (m: ToWorker): void => worker.postMessage(m);
      const onStop = (): void => send({ type: 'stop', signal: String(o.stop.reason) });
      o.stop.addEventListener('abort', onStop);
      const next = (): void => {
        current = queue.shift();
        send(current ? { type: 'file', file: current } : { type: 'end' });
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          if (o.stop.aborted) onStop();
          void (o.compiled ?? Promise.resolve({})).then((files) => {
            send({ type: 'compiled', files });
            next();
          });
        } else {
          outcomes.set(m.outcome.file, m.outcome);
          next();
          o.onOutcome?.(m.outcome);
        }
      });
      let error: Error | undefined;
      worker.on('error', (e) => (error = e));
      worker.on('exit', (code) => {
        o.stop.removeEventListener('abort', onStop);
        resolve({
          ...(current ? { current } : {}),
          ...(error || current ? { error: error ?? new Error(`the scenario worker exited with code ${code}`) } : {}),
        });
      });
    });

  const lane = async (): Promise<void> => {
    while (queue.length > 0) {
      const { current, error } = await work();
      if (!error) return;
      if (!current) throw error; // the worker could not even start: the same would happen again
      outcomes.set(current, { file: current, scenarios: [], loadError: `its run ended abruptly: ${error.message}` });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.parallelism, files.length)) }, lane));
  return files.flatMap((f) => outcomes.get(f) ?? []);
}
