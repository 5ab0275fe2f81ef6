// The bad-input corpus (fixtures/bad-inputs/cases.json): each case runs the CLI in an empty working
// folder and must be answered with exit 2, a message matching the case's pattern (naming the file and
// field, or the flag), no stack trace, and nothing created (the folder stays empty: no ledger, no report).
// Snapshot cases are a good snapshot (`base`) overlaid with the broken files of `overlay`.
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../package/package-root';
import { runCli, type CliResult } from './reap-cli';

export const corpusDir = join(repoRoot(), 'fixtures', 'bad-inputs');

export interface BadInputCase {
  name: string;
  /** CLI arguments; `{corpus}` is the corpus folder, `{snapshot}` the assembled snapshot folder. */
  args: string[];
  /** Regular expression the message on stderr must match. */
  expect: string;
  /** Snapshot cases: the good snapshot (repository-relative) and the folder of broken files (corpus-relative). */
  base?: string;
  overlay?: string;
  /** Files removed from the assembled snapshot. */
  remove?: string[];
}

export interface BadInputResult {
  name: string;
  ok: boolean;
  problems: string[];
  code: number | null;
  message: string;
}

export async function loadCases(): Promise<BadInputCase[]> {
  return JSON.parse(await readFile(join(corpusDir, 'cases.json'), 'utf8')) as BadInputCase[];
}

/** How a case's CLI runs: its own process by default (reap-cli.ts), or a job of a CliBatch (cli-batch.ts). */
export type CliRunner = (
  args: readonly string[],
  o: { cwd: string; env: Record<string, string>; timeoutMs?: number },
) => Promise<CliResult>;

export async function runBadInput(c: BadInputCase, run: CliRunner = runCli): Promise<BadInputResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'vmc-reach-bad-'));
  const cwd = join(scratch, 'cwd');
  const snapshot = join(scratch, 'snapshot');
  try {
    await mkdir(cwd);
    if (c.base) {
      await cp(join(repoRoot(), c.base), snapshot, { recursive: true });
      if (c.overlay) await cp(join(corpusDir, c.overlay), snapshot, { recursive: true });
      for (const f of c.remove ?? []) await rm(join(snapshot, f));
    }
    const args = c.args.map((a) => a.replaceAll('{corpus}', corpusDir).replaceAll('{snapshot}', snapshot));
    const r = await run(args, { cwd, env: { HOME: scratch, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, timeoutMs: 60_000 });
    const message = `${r.stderr}${r.stdout}`.trim();
    const problems: string[] = [];
    if (r.code !== 2) problems.push(`exit ${r.code}, not 2`);
    if (!new RegExp(c.expect, 's').test(r.stderr)) problems.push(`stderr does not match /${c.expect}/`);
    if (/\n\s+at .+:\d+:\d+\)?/.test(message) || /internal error/i.test(message))
      problems.push('a stack trace or internal error was printed');
    const created = await readdir(cwd, { recursive: true });
    if (created.length > 0) problems.push(`created ${created.join(', ')}`);
    return { name: c.name, ok: problems.length === 0, problems, code: r.code, message };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
