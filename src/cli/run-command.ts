// `vmc-reach run`: runs the scenarios against the embedded mock (default) or, only with an explicit
// `--target live`, a live account; shows progress, prints the matrix, writes JUnit XML and the HTML
// evidence pack, and exits 0 only when every expectation held and teardown left nothing. The scenarios
// run in worker threads that load the harness once (src/cli/scenario-runner), not under jest; plain
// `npx jest` with the package's preset runs the same scenario files the same way.
import { Command, Option } from 'commander';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { constants, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { loadConfig } from '../target/config/load-config';
import { resolveTarget } from '../target/target';
import { configSchema } from '../target/config/schema';
import { checkMockWorld, scrubForMock } from './mock-env';
import { newRunId } from '../target/run-id';
import { exitCodeFor, type StopSignalName } from '../harness/jest/stop-signal';
import type { ScenarioResult } from '../target/results';
import { renderRunMatrix, runPassed } from '../report/console-matrix';
import { renderEvidencePackOf } from '../report/evidence-pack/render-pack';
import { RunResults } from './run-results';
import { toolVersions } from './tool-versions';
import { exitCodes, UsageError } from './usage-error';
import { repoRoot } from '../package/package-root';
import { enterProject, scenarioRoot } from './project-root';
import { allScenarioFiles, selectScenarioFiles } from './scenario-runner/find-scenario-files';
import { runScenarioFiles } from './scenario-runner/run-files';
import { precompileScenarios } from './scenario-runner/precompile';
import { fileErrors, fileSucceeded } from './scenario-runner/file-outcome';
import { parseShard } from './shard';
import { parseReporters, writeReports, type Reporter } from './run-reporters';
import { labPreflight } from '../lab/lab-preflight';
import type { Io } from './reproduce-command';

export interface RunOptions {
  target?: 'mock' | 'live';
  scenario?: string;
  reportDir?: string;
  config?: string;
  dryRun?: boolean;
  /** Replace AWS account ids in the evidence pack by consistent placeholders. */
  scrubAccountIds?: boolean;
  /** `i/n`: the i-th of n parts of the scenario files (jest's shard option). */
  shard?: string;
  dataplane?: 'model' | 'lab';
  /** The user's project folder (scenarios, config, reports, ledgers); default: the current folder. */
  project?: string;
  /** Report files beside the evidence pack (default junit). */
  reporter?: Reporter[];
}

/**
 * Creates the report folder, or says why it cannot be. The nearest existing ancestor must be a writable
 * folder: checked first, because a recursive mkdir under a pseudo file system such as /proc never returns.
 */
async function ensureWritableDir(dir: string): Promise<void> {
  let existing = dir;
  while (!(await stat(existing).catch(() => undefined))) existing = dirname(existing);
  const info = await stat(existing);
  const writable =
    info.isDirectory() &&
    (await access(existing, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (!writable || existing.startsWith('/proc') || existing.startsWith('/sys')) {
    throw new UsageError(
      `--report-dir ${dir} cannot be created: ${existing} is ${info.isDirectory() ? 'not a writable folder' : 'a file'}; pass a folder you can write to`,
    );
  }
  await mkdir(dir, { recursive: true }).catch((e: Error) => {
    throw new UsageError(`--report-dir ${dir} cannot be created: ${e.message}`);
  });
}

export async function runRun(opts: RunOptions, io: Io & { err: (t: string) => void }): Promise<number> {
  if (opts.reportDir !== undefined && opts.reportDir.trim() === '')
    throw new UsageError("--report-dir is empty: name the folder for the reports (or leave the flag out for the config's reportDir)");
  const root = scenarioRoot(enterProject(opts.project));
  // Mock mode first forgets the shell's AWS and VMC settings: nothing of the run may reach what they name.
  const ignored = opts.target === 'live' ? [] : scrubForMock(process.env);
  const { config, file: configFile } = await loadConfig(opts.config ? { file: opts.config } : {});
  if (config.target === 'live' && opts.target !== 'live') {
    throw new UsageError('the configuration says target "live", but a live run needs an explicit --target live on the command line');
  }
  const target = opts.target ?? 'mock';
  if (opts.dataplane === 'lab' && target !== 'mock')
    throw new UsageError("--dataplane lab runs the mock's packets in the lab; it applies to --target mock only");
  if (opts.dataplane === 'lab') {
    const lab = await labPreflight(process.env.VMC_REACH_LAB_BACKEND === 'container' ? 'container' : 'netns');
    if (!lab.ok)
      throw new UsageError(
        `--dataplane lab: the lab cannot start on this machine, so no scenario was run (no packet would be real); missing ${lab.missing.join('; ')}`,
      );
  }
  if (target === 'live') resolveTarget({ ...config, target: 'live' }); // lists every missing live setting before anything runs
  const mockWorld =
    target === 'mock'
      ? await checkMockWorld(config.mock.world, {
          ...(configFile ? { configFile } : {}),
          isDefault: config.mock.world === configSchema.shape.mock.parse(undefined).world,
          repoRoot: repoRoot(),
        })
      : undefined;
  const reportDir = resolve(opts.reportDir ?? config.reportDir);
  await ensureWritableDir(reportDir);
  const resultsDir = join(reportDir, 'results');
  await rm(resultsDir, { recursive: true, force: true });
  await rm(join(reportDir, 'world-checks'), { recursive: true, force: true });
  const runId = newRunId();
  const startedAt = new Date();
  // SIGINT/SIGTERM: the scenarios finish the call in flight, start nothing new and tear down (see
  // src/harness/jest/stop-signal.ts for how the signal reaches them); then the report is written as
  // usual, says what was torn down, and the run exits 130/143. A second signal changes nothing.
  const stopFile = join(tmpdir(), `vmc-reach-stop-${runId}`);
  process.env.VMC_REACH_STOP_FILE = stopFile;
  let stoppedBy: StopSignalName | undefined;
  const stop = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (stoppedBy) return;
    stoppedBy = sig === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    writeFileSync(stopFile, stoppedBy);
    stop.abort(stoppedBy);
    io.err(`vmc-reach: ${stoppedBy} received: finishing the call in flight, then tearing down (further signals change nothing)\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    Object.assign(process.env, {
      VMC_REACH_TARGET: target,
      VMC_REACH_REPORT_DIR: reportDir,
      VMC_REACH_RUN_ID: runId,
      ...(opts.config ? { VMC_REACH_CONFIG: resolve(opts.config) } : {}),
      ...(opts.dryRun ? { VMC_REACH_DRY_RUN: '1' } : {}),
      VMC_REACH_DATAPLANE: opts.dataplane ?? 'model',
      ...(mockWorld ? { VMC_REACH_MOCK_WORLD: mockWorld } : {}),
    });
    io.err(
      `vmc-reach run ${runId}: target ${target}${target === 'mock' ? ` (world ${mockWorld}, latency ${config.mock.latency}, data plane ${opts.dataplane === 'lab' ? 'the lab: real packets' : "the engine's verdicts"})` : ''}${opts.dryRun ? ', dry run: nothing is created or changed' : ''}\n`,
    );
    if (ignored.length > 0)
      io.err(`mock mode ignores ${ignored.join(', ')} from the environment: the mock supplies its own endpoints, credentials and ids\n`);
    let pattern: RegExp | undefined;
    if (opts.scenario !== undefined) {
      try {
        pattern = new RegExp(opts.scenario);
      } catch (e) {
        throw new UsageError(`--scenario "${opts.scenario}" is not a regular expression: ${(e as Error).message}`);
      }
      const files = allScenarioFiles(root);
      if (!files.some((f) => pattern!.test(f))) {
        throw new UsageError(
          `--scenario "${opts.scenario}" matches no scenario; the scenarios are: ${files.map((f) => relative(join(root, 'scenarios'), f).replace('.scenario.ts', '')).join(', ')}`,
        );
      }
    }
    const files = selectScenarioFiles(root, { ...(pattern ? { pattern } : {}), ...(opts.shard ? { shard: opts.shard } : {}) });
    return await runScenarios(opts, io, {
      root,
      files,
      target,
      reportDir,
      resultsDir,
      runId,
      startedAt,
      stop: stop.signal,
      stopped: () => stoppedBy,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    rmSync(stopFile, { force: true });
    delete process.env.VMC_REACH_STOP_FILE;
  }
}

interface RunState {
  root: string;
  files: string[];
  stop: AbortSignal;
  target: 'mock' | 'live';
  reportDir: string;
  resultsDir: string;
  runId: string;
  startedAt: Date;
  stopped: () => StopSignalName | undefined;
}

/** What a stopped run tore down, per scenario: one line each. */
function stopSummary(sig: StopSignalName, results: readonly ScenarioResult[]): string {
  const lines = results.map(
    (r) =>
      `  ${r.title}: ${r.resources.filter((e) => e.action !== 'adopted').length} created or changed; teardown removed ${r.teardown.removed}, reverted ${r.teardown.reverted}, ${r.teardown.failed.length} failed${r.teardown.failed.length ? ` (resume with "vmc-reach reap --run ${r.runId} --yes")` : ''}`,
  );
  return `stopped by ${sig}: no further step started; teardown ran\n${lines.join('\n')}\n`;
}

async function runScenarios(opts: RunOptions, io: Io & { err: (t: string) => void }, st: RunState): Promise<number> {
  const { root, target, reportDir, resultsDir, runId, startedAt } = st;
  // Live scenarios share one account and SDDC: one at a time. Mock scenarios each have their own world.
  const parallelism = target === 'live' ? 1 : Math.max(2, availableParallelism());
  // The workers' stderr is not the terminal: tell them how to show progress. One file at a time may
  // rewrite a status line; parallel files write plain lines, each naming its scenario.
  if (process.stderr.isTTY && !process.env.VMC_REACH_PROGRESS)
    process.env.VMC_REACH_PROGRESS = parallelism === 1 || st.files.length === 1 ? 'status' : 'plain';
  const compiled = precompileScenarios(root).catch(() => ({}));
  // The results are read, and their part of the evidence pack made, as the files end (the main thread is idle meanwhile).
  const runResults = new RunResults(resultsDir);
  let preparing = Promise.resolve();
  const prepare = (): void => {
    // What goes wrong here goes wrong again, and is reported, when the report is made at the end.
    if (!opts.dryRun) preparing = preparing.then(() => runResults.prepare()).catch(() => undefined);
  };
  const outcomes = await runScenarioFiles(st.files, {
    parallelism,
    stop: st.stop,
    compiled,
    onOutcome: (outcome) => {
      runResults.provide(outcome);
      prepare();
    },
  });
  await preparing;
  for (const o of outcomes) for (const e of fileErrors(o, relative(root, o.file))) io.err(`vmc-reach: ${e}\n`);
  const results = {
    success: outcomes.every(fileSucceeded),
    numTotalTests: outcomes.reduce((n, o) => n + o.scenarios.reduce((m, s) => m + s.probes.length, 0), 0),
  };
  const stoppedBy = st.stopped();
  if (opts.dryRun) return stoppedBy ? exitCodeFor[stoppedBy] : results.success ? exitCodes.ok : exitCodes.expectationFailed;
  const { results: scenarioResults, views } = await runResults.all();
  if (stoppedBy) io.err(stopSummary(stoppedBy, scenarioResults));
  if (scenarioResults.length === 0) {
    if (stoppedBy) return exitCodeFor[stoppedBy];
    io.err(
      opts.scenario
        ? `no scenario matched --scenario "${opts.scenario}" (scenarios live in scenarios/*.scenario.ts)\n`
        : `no scenario produced a result${outcomes.length ? '; see the errors above' : ` (no scenario file${opts.shard ? ` in shard ${opts.shard}` : ''} under ${join(root, 'scenarios')})`}\n`,
    );
    return results.numTotalTests === 0 ? exitCodes.usage : exitCodes.expectationFailed;
  }
  io.out(`${renderRunMatrix(scenarioResults)}\n`);
  await writeReports(reportDir, scenarioResults, opts.reporter ?? ['junit'], io.out);
  const evidence = join(reportDir, 'evidence.html');
  const meta = {
    runId,
    target,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    versions: await toolVersions(repoRoot()),
    command: `vmc-reach run --target ${target}${opts.scenario ? ` --scenario ${opts.scenario}` : ''}`,
  };
  await writeFile(evidence, renderEvidencePackOf(views(), meta, { scrubAccountIds: !!opts.scrubAccountIds }));
  io.out(`Evidence pack: ${evidence}\n`);
  if (stoppedBy) return exitCodeFor[stoppedBy];
  return runPassed(scenarioResults) && results.success ? exitCodes.ok : exitCodes.expectationFailed;
}

export function runCommand(io: Io & { err: (t: string) => void }, setExit: (code: number) => void): Command {
  return new Command('run')
    .description('run the scenarios (the article cases and more) against the embedded mock, or a live account with --target live')
    .addOption(new Option('--target <target>', 'where to run: the embedded mock, or a live account + SDDC').choices(['mock', 'live']))
    .option('--scenario <pattern>', 'only scenario files whose path matches this pattern (a regular expression)')
    .option(
      '--report-dir <dir>',
      'folder for the JUnit XML, the evidence pack and the per-scenario results (default from the config: vmc-reach-report)',
    )
    .option(
      '--reporter <list>',
      'report files beside the evidence pack, comma-separated: junit (junit.xml), tap (results.tap, TAP 14), json (summary.json); default junit',
      parseReporters,
    )
    .option('--project <dir>', 'the project holding scenarios/, the config, reports and ledgers (default: the current folder)')
    .option('--config <file>', 'configuration file (default: vmc-reach.config.json/.ts in the current folder)')
    .addOption(
      new Option(
        '--dataplane <plane>',
        "mock only: answer pings from the engine's verdicts (model) or with real packets in the lab (needs root, nftables, iproute2)",
      ).choices(['model', 'lab']),
    )
    .option('--shard <i/n>', 'run the i-th of n parts of the scenario files (jest shards by file), e.g. 1/3 in a CI matrix', parseShard)
    .option('--scrub-account-ids', 'replace AWS account ids in the evidence pack by consistent placeholders (account-1, …)')
    .option('--dry-run', 'print the plan (what would be created, adopted or changed, and the API calls) and change nothing')
    .action(async (opts: RunOptions) => {
      setExit(await runRun(opts, io));
    });
}
