// `vmc-reach init`: scaffolds a user's project: package.json scripts (a package.json if there is none),
// jest.config, vmc-reach.config.json (from the example), scenarios/example.scenario.ts, .gitignore
// entries for reports and ledgers, and a GitHub Actions workflow. Existing files are never overwritten
// without --force: exit 2 naming the first one.
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { packageRoot } from '../package/package-root';
import { projectRoot } from './project-root';
import { exampleScenario, gitignoreLines, jestConfig, packageScripts, workflow } from './init/templates';
import type { Io } from './reproduce-command';
import { exitCodes, UsageError } from './usage-error';

export interface InitOptions {
  project?: string;
  force?: boolean;
}

type Json = Record<string, unknown>;

export async function runInit(opts: InitOptions, io: Io): Promise<number> {
  const root = opts.project !== undefined ? projectRoot(opts.project) : process.cwd();
  const pkgFile = join(root, 'package.json');
  const hadPackage = existsSync(pkgFile);
  const pkg: Json = hadPackage
    ? (JSON.parse(await readFile(pkgFile, 'utf8')) as Json)
    : {
        name: basename(root)
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-'),
        private: true,
      };
  const scripts = { ...((pkg.scripts as Record<string, string> | undefined) ?? {}) };
  const clashing = Object.keys(packageScripts).filter((k) => scripts[k] !== undefined && scripts[k] !== packageScripts[k]);
  if (clashing.length > 0 && !opts.force)
    throw new UsageError(`package.json already has a script "${clashing[0]}"; rerun with --force to replace it`);

  const example = JSON.parse(await readFile(join(packageRoot(), 'vmc-reach.config.example.json'), 'utf8')) as {
    live?: { vm?: { name?: string } };
  };
  const configFile = join(root, 'vmc-reach.config.json');
  const existingConfig = existsSync(configFile) ? (JSON.parse(await readFile(configFile, 'utf8')) as typeof example) : undefined;
  const vmName = existingConfig?.live?.vm?.name ?? example.live?.vm?.name ?? 'CJ-VM01';
  const jestFile = pkg.type === 'module' ? 'jest.config.cjs' : 'jest.config.js';

  const files: [string, string][] = [
    [jestFile, jestConfig],
    ['vmc-reach.config.json', `${JSON.stringify(example, null, 2)}\n`],
    [join('scenarios', 'example.scenario.ts'), exampleScenario(vmName)],
    [join('.github', 'workflows', 'vmc-reach.yml'), workflow],
  ];
  const existing = files.map(([f]) => f).filter((f) => existsSync(join(root, f)));
  if (existing.length > 0 && !opts.force)
    throw new UsageError(
      `${existing[0]} already exists; rerun with --force to overwrite ${existing.length > 1 ? `it and ${existing.slice(1).join(', ')}` : 'it'}`,
    );

  for (const [file, text] of files) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
    io.out(`wrote ${file}\n`);
  }
  pkg.scripts = { ...scripts, ...packageScripts };
  await writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  io.out(`${hadPackage ? 'updated' : 'wrote'} package.json: scripts ${Object.keys(packageScripts).join(', ')}\n`);
  const ignoreFile = join(root, '.gitignore');
  const ignore = existsSync(ignoreFile) ? await readFile(ignoreFile, 'utf8') : '';
  const missing = gitignoreLines.filter((l) => !ignore.split('\n').includes(l));
  if (missing.length > 0) {
    await writeFile(ignoreFile, `${ignore}${ignore === '' || ignore.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`);
    io.out(`.gitignore: added ${missing.join(', ')}\n`);
  }
  io.out(
    `\nnext: npx vmc-reach run${root === process.cwd() ? '' : ` --project ${relative(process.cwd(), root) || '.'}`}  (the embedded mock); then set live.* in vmc-reach.config.json, npx vmc-reach doctor, npx vmc-reach run --target live\n` +
      `(to run the scenarios with jest instead: npm i -D jest@30, then npx jest; jest is not installed with vmc-reach)\n`,
  );
  return exitCodes.ok;
}

export function initCommand(io: Io & { err: (t: string) => void }, setExit: (code: number) => void): Command {
  return new Command('init')
    .description(
      'scaffold a project for your own scenarios: package.json scripts, jest.config, vmc-reach.config.json, scenarios/example.scenario.ts, .gitignore, a GitHub Actions workflow',
    )
    .option('--project <dir>', 'the folder to scaffold (default: the current folder)')
    .option('--force', 'overwrite files that already exist')
    .action(async (opts: InitOptions) => {
      setExit(await runInit(opts, io));
    });
}
