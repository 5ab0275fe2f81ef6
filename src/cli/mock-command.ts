// `vmc-reach mock serve`: the mocks on a loopback port (the same MSW handlers as in-process) for
// other processes and clients: the AWS CLI, boto3, another harness. Prints where it listens, the
// environment that points the AWS SDKs and CLI at it (with fake credentials), what the VMware side
// offers, and the world's SSM managed nodes; stops cleanly on SIGINT/SIGTERM.
import { Command, Option } from 'commander';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSnapshot } from '../snapshot';
import { describeInstanceInformation, instantLatency, nameTag, realisticLatency, type LatencyProfile, type World } from '../world';
import { FaultPlan } from '../../mocks/faults';
import { createMockContext } from '../../mocks/mock-context';
import { engineScriptRunner } from '../../mocks/aws/ssm/script-runner';
import { serveMock } from '../../mocks/serve';
import { describeVmcEndpoints } from '../../mocks/vmc/describe-endpoints';
import { mockCredentials } from '../clients/aws';
import { faultSpecHelp, parseFaultSpec } from './fault-spec';
import { exitCodes, UsageError } from './usage-error';
import { repoRoot } from '../package/package-root';
import type { FaultRule } from '../../mocks/faults';

/** The world `mock serve` answers from unless --world says otherwise: the article's case A. */
export const defaultMockWorld = join(repoRoot(), 'fixtures', 'snapshots', 'article-case-a');

export interface ServeOptions {
  port: number;
  world: string;
  latency: 'instant' | 'realistic';
  timeScale: number;
  fault: FaultRule[];
  seed: number;
}

export interface ServeIo {
  out: (text: string) => void;
  /** Resolves when the server should stop; default: the first SIGINT or SIGTERM. */
  stopSignal?: () => Promise<string>;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`--port "${value}" is not a port number (0-65535; 0 picks a free one).`);
  return n;
}

function parsePositive(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`${flag} "${value}" must be a positive number.`);
    return n;
  };
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--seed "${value}" must be a whole number.`);
  return n;
}

const collectFault = (value: string, previous: FaultRule[]): FaultRule[] => [...previous, parseFaultSpec(value)];

/**
 * Listens for the first SIGINT or SIGTERM from now on. Installed before the banner is printed: a signal
 * that arrived between the banner and Node's handler would end the process with the default action (a
 * client that stops the mock as soon as it reads the banner did see that on a loaded machine).
 */
function listenForSignal(): { stopped: () => Promise<string>; close: () => void } {
  let close = (): void => undefined;
  const stopped = new Promise<string>((resolve) => {
    const on = (signal: string) => () => {
      close();
      resolve(signal);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    close = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
  return { stopped: () => stopped, close: () => close() };
}

function managedNodes(world: World): string[] {
  return describeInstanceInformation(world).map((n) => {
    const name = n.target.kind === 'instance' ? nameTag(world.ec2.instances.get(n.target.instanceId)?.tags ?? []) : n.name;
    return `  ${n.instanceId}  ${n.pingStatus.padEnd(14)} ${n.platformType.padEnd(7)} ${n.ipAddress.padEnd(15)} ${name ?? ''}`.trimEnd();
  });
}

/** The banner: what a client needs to talk to the mock. Secrets are the mock's own fakes. */
export function serveBanner(
  world: World,
  url: string,
  opts: Pick<ServeOptions, 'world' | 'latency' | 'timeScale'>,
  vmwareLines: readonly string[],
): string {
  const latency = opts.latency === 'realistic' ? `realistic (time scale ${opts.timeScale})` : 'instant';
  return [
    `vmc-reach mock listening on ${url}`,
    `world: ${opts.world} (account ${world.accountId}, region ${world.region}); latency: ${latency}`,
    '',
    'AWS (EC2 Query and SSM JSON 1.1 on /): point the AWS SDKs and CLI at the mock with',
    `  export AWS_ENDPOINT_URL_EC2=${url}`,
    `  export AWS_ENDPOINT_URL_SSM=${url}`,
    `  export AWS_ACCESS_KEY_ID=${mockCredentials.accessKeyId}`,
    `  export AWS_SECRET_ACCESS_KEY=${mockCredentials.secretAccessKey}`,
    `  export AWS_REGION=${world.region} AWS_DEFAULT_REGION=${world.region}`,
    'SSM managed nodes (probe targets for SendCommand):',
    ...managedNodes(world),
    '',
    ...vmwareLines,
    '',
    'Stop with Ctrl-C (SIGINT) or SIGTERM.',
    '',
  ].join('\n');
}

export async function runServe(opts: ServeOptions, io: ServeIo): Promise<number> {
  const info = await stat(opts.world).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(
      `--world "${opts.world}" is not a folder; pass a snapshot folder (manifest.json, aws/, nsx/), e.g. fixtures/snapshots/article-case-b.`,
    );
  const latency: LatencyProfile = opts.latency === 'realistic' ? realisticLatency(opts.timeScale) : instantLatency;
  const world = await loadSnapshot(opts.world, { latency });
  // Run Command answers ping and the probe commands from the reachability engine.
  const ctx = createMockContext(world, new FaultPlan(opts.fault, opts.seed), { scriptRunner: engineScriptRunner });
  let signal: string;
  const signals = io.stopSignal ? undefined : listenForSignal();
  try {
    await using served = await serveMock(ctx, { port: opts.port }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') throw new UsageError(`--port ${opts.port} is in use; pick another port or --port 0 for a free one.`);
      throw e;
    });
    io.out(serveBanner(world, served.url, opts, describeVmcEndpoints(ctx, served.url)));
    signal = await (io.stopSignal ?? signals!.stopped)();
  } finally {
    signals?.close();
  }
  io.out(`vmc-reach mock stopped (${signal}) after ${ctx.faults.calls.length} API calls\n`);
  return exitCodes.ok;
}

export function mockCommand(io: ServeIo, setExit: (code: number) => void): Command {
  const serve = new Command('serve')
    .description('serve the AWS and VMware mocks on 127.0.0.1 for other processes (AWS CLI, boto3, another harness)')
    .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', parsePort, 4566)
    .option('--world <snapshot-dir>', 'snapshot folder the mock answers from', defaultMockWorld)
    .addOption(new Option('--latency <profile>', 'how long state changes take').choices(['instant', 'realistic']).default('instant'))
    .option('--time-scale <n>', 'with --latency realistic: divide AWS-like delays by n', parsePositive('--time-scale'), 1)
    .option('--fault <spec>', `inject a fault (repeatable): ${faultSpecHelp}`, collectFault, [])
    .option('--seed <n>', 'seed of probabilistic faults', parseSeed, 1)
    .action(async (opts: ServeOptions) => {
      setExit(await runServe(opts, io));
    });
  return new Command('mock').description('the stateful AWS and VMware mocks').addCommand(serve);
}
