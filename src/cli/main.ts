// The `vmc-reach` command line: parses flags with commander and maps outcomes to exit codes
// (0 ran, 1 an expectation failed, 2 the input was wrong). User errors print one clear line, no stack.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reproduceCommand } from './reproduce-command';
import { mockCommand } from './mock-command';
import { runCommand } from './run-command';
import { reapCommand } from './reap-command';
import { doctorCommand } from './doctor-command';
import { collectCommand } from './collect-command';
import { nightlyCommand } from './nightly-command';
import { initCommand } from './init-command';
import { LedgerError } from '../harness/ledger';
import { ConfigError } from '../harness/config/load-config';
import { TargetError } from '../harness/target';
import { exitCodes, UsageError } from './usage-error';
import { SnapshotError } from '../snapshot';
import { RefError, UnknownEndpointError, UnsupportedFlowError } from '../network';
import { packageRoot } from './project-root';

export interface MainIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: MainIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const isUserError = (e: unknown): e is Error =>
  e instanceof UsageError || e instanceof SnapshotError || e instanceof RefError || e instanceof UnknownEndpointError || e instanceof UnsupportedFlowError || e instanceof ConfigError || e instanceof TargetError || e instanceof LedgerError;

export async function main(argv: readonly string[], io: MainIo = processIo): Promise<number> {
  let exit: number = exitCodes.ok;
  const program = new Command('vmc-reach')
    .description('reachability between VMware Cloud on AWS SDDC VMs and EC2 instances in the connected VPC')
    .version((JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(reproduceCommand(io, (code) => (exit = code)).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run "vmc-reach reproduce --help" for usage)'));
  program.addCommand(runCommand(io, (code) => (exit = code)).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run "vmc-reach run --help" for usage)'));
  program.addCommand(reapCommand(io, (code) => (exit = code)).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run "vmc-reach reap --help" for usage)'));
  for (const make of [doctorCommand, collectCommand, nightlyCommand, initCommand]) {
    const c = make(io, (code) => (exit = code));
    program.addCommand(c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError(`(run "vmc-reach ${c.name()} --help" for usage)`));
  }
  const mock = mockCommand(io, (code) => (exit = code));
  for (const c of [mock, ...mock.commands]) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(run "vmc-reach mock serve --help" for usage)');
  program.addCommand(mock);
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
