// A scenario worker of `vmc-reach run` (a worker thread, started by bin/scenario-worker.cjs): loads the
// harness and the mock once, then runs the scenario files it is handed one at a time, each against its
// own mock world, and reports each file's outcome. Its own thread, so MSW's interception and the mock's
// settings are its own; a stop message (the run's SIGINT/SIGTERM) aborts the scenario's signal: the call
// in flight finishes, no further step starts, teardown runs, later scenarios do not start.
import { parentPort } from 'node:worker_threads';
import { stopGlobal } from '../../harness/jest/stop-signal';
import { runScenarioFile } from './run-file';
import type { FromWorker, ToWorker } from './file-outcome';

export * from '../../index'; // `vmc-reach` in a scenario file resolves to this module (bin/typescript-hook.cjs)

export function workerMain(load: (file: string) => void, addCompiled: (files: Record<string, string>) => void): void {
  const port = parentPort;
  if (!port) throw new Error('the scenario worker runs in a worker thread of `vmc-reach run`');
  const stop = new AbortController();
  (globalThis as Record<string, unknown>)[stopGlobal] = stop.signal;
  const send = (m: FromWorker): void => port.postMessage(m);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'stop') {
      if (!stop.signal.aborted) stop.abort(m.signal);
    } else if (m.type === 'compiled') {
      addCompiled(m.files);
    } else if (m.type === 'file') {
      void runScenarioFile(m.file, load).then((outcome) => send({ type: 'done', outcome }));
    } else {
      process.exit(0);
    }
  });
  send({ type: 'ready' });
}
