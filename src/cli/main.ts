// The `vmc-reach` command line: parses flags with commander and maps outcomes to exit codes
// (0 ran, 1 an expectation failed, 2 the input was wrong). User errors print one clear line, no stack.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { escapeControls } from '../network/terminal-text';
import { join } from 'node:path';
import { packageRoot } from '../package/package-root';
import { exitCodes } from './usage-error';
import type { Io } from './reproduce-command';

type CommandFactory = (io: Io & { err: (t: string) => void }, setExit: (code: number) => void) => Command;

// Each command's module is loaded only when that command runs (or for the full help): the mock pulls
// in msw and the AWS SDK, the engine its schemas, and start-up should pay only for what it uses.
const commands: Record<string, () => Promise<CommandFactory>> = {
  reproduce: async () => (await import('./reproduce-command')).reproduceCommand,
  run: async () => (await import('./run-command')).runCommand,
  reap: async () => (await import('./reap-command')).reapCommand,
  doctor: async () => (await import('./doctor-command')).doctorCommand,
  collect: async () => (await import('./collect-command')).collectCommand,
  nightly: async () => (await import('./nightly-command')).nightlyCommand,
  init: async () => (await import('./init-command')).initCommand,
  mock: async () => (await import('./mock-command')).mockCommand,
};

export interface MainIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

// The last line of defence for customer data on a terminal: whatever a renderer missed, no control
// character (ESC, CR, BEL, C1, bidi overrides) reaches the terminal raw (escaped as \u001b and so on,
// which keeps JSON output valid too).
const processIo: MainIo = { out: (t) => process.stdout.write(escapeControls(t)), err: (t) => process.stderr.write(escapeControls(t)) };

// By name, so that checking needs none of the modules that define them loaded.
const userErrors = new Set([
  'UsageError',
  'SnapshotError',
  'RefError',
  'UnknownEndpointError',
  'UnsupportedFlowError',
  'ConfigError',
  'TargetError',
  'LedgerError',
]);
const isUserError = (e: unknown): e is Error => e instanceof Error && userErrors.has(e.name);

export async function main(argv: readonly string[], io: MainIo = processIo): Promise<number> {
  let exit: number = exitCodes.ok;
  const program = new Command('vmc-reach')
    .description('reachability between VMware Cloud on AWS SDDC VMs and EC2 instances in the connected VPC')
    .version((JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  const setExit = (code: number): void => {
    exit = code;
  };
  const names = argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? [argv[0]] : Object.keys(commands);
  for (const name of names) {
    const c = (await commands[name]!())(io, setExit);
    const hint = name === 'mock' ? '(run "vmc-reach mock serve --help" for usage)' : `(run "vmc-reach ${name} --help" for usage)`;
    for (const sub of [c, ...(name === 'mock' ? c.commands : [])])
      sub.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError(hint);
    program.addCommand(c);
  }
  if (argv.length === 0) {
    io.err(`${program.helpInformation()}\nvmc-reach: give a command, e.g. "vmc-reach reproduce <snapshot-dir> --all".\n`);
    return exitCodes.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return exitCodes.ok;
      return exitCodes.usage; // commander already printed the message
    }
    if (isUserError(e)) {
      io.err(`vmc-reach: ${e.message}\n`);
      return exitCodes.usage;
    }
    throw e;
  }
}
