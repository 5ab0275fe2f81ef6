// The child process of the signal matrix: runs the article scenario against a served world (settings
// from the environment, ledger under argv[3]) and handles SIGINT/SIGTERM the way an operator's Ctrl-C
// must be handled: the call in flight finishes, no further step starts, teardown runs, exit 130/143.
// Usage (bundled by child-bundle.ts): node stop-runner.cjs <run-id> <ledger-root>
import { runScenario } from '../harness/run/run-scenario';
import { articleSpec } from './article-spec';
import { fastClock } from './fast-clock';
import { settingsFor } from './run-settings';

const exitFor: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

async function main(): Promise<number> {
  const [runId, root] = process.argv.slice(2);
  if (!runId || !root) {
    process.stderr.write('usage: stop-runner <run-id> <ledger-root>\n');
    return 2;
  }
  const controller = new AbortController();
  let stoppedBy: string | undefined;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      stoppedBy ??= sig; // a second signal while tearing down changes nothing: teardown must finish
      controller.abort(sig);
    });
  }
  const result = await runScenario(articleSpec(), {
    runId,
    root,
    settings: settingsFor(process.env),
    clock: fastClock(),
    signal: controller.signal,
  });
  process.stdout.write(`${JSON.stringify({ error: result.error, teardown: result.teardown, probes: result.probes.length })}\n`);
  if (stoppedBy) return exitFor[stoppedBy]!;
  return result.error || result.teardown.failed.length > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));
