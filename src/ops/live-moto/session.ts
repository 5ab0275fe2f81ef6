// One live-vs-moto session: moto_server on loopback, the connected VPC and the instance profile built in
// it, the SSM shim in front of it, and `vmc-reach mock serve` for the VMware side over a world that
// describes moto's VPC. Hands out the environment and config a `vmc-reach … --target live` process uses.
// Every endpoint is http://127.0.0.1:<port>: nothing leaves the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { dumpAws } from './describe-dump';
import { startMoto, type MotoServer } from './moto-server';
import { buildConnectedVpc, createInstanceProfile, type MotoVpc } from './moto-vpc';
import { writeServedWorld } from './served-world';
import { startSsmShim, type SsmShim } from './ssm-shim';

export const motoRegion = 'us-west-2';
/** moto's fixed account. */
export const motoAccount = '123456789012';
export const instanceProfileName = 'vmc-reach-ssm-instance-profile';
/** The scenarios' VM names → the served SDDC's display names (renamed from the fixture's), through live.vms. */
export const vmNames: Record<string, string> = { 'CJ-VM01': 'app-vm-01', 'CJ-WIN01': 'win-app-01', 'CJ-VM02-OFF': 'old-vm-02' };
const dummyCredentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export interface Session {
  moto: MotoServer;
  shim: SsmShim;
  ec2: EC2Client;
  vpc: MotoVpc;
  /** The world folder mock serve answers from. */
  worldDir: string;
  /** The live config file for the vmc-reach processes. */
  configFile: string;
  orgId: string;
  sddcId: string;
  /** The environment of a vmc-reach process: endpoints, dummy credentials, the CSP token mock serve accepts. */
  env: Record<string, string>;
  /**
   * A fresh account: moto reset, the connected VPC built again, mock serve restarted over it. Between
   * scenarios, because moto's residue (a deleted subnet still associated with the default network ACL)
   * is a dangling reference that discovery would otherwise trip over in the next scenario.
   */
  renew(): Promise<void>;
  close(): Promise<void>;
}

async function startServe(
  bin: string,
  world: string,
): Promise<{ child: ChildProcess; env: Record<string, string>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [bin, 'mock', 'serve', '--port', '0', '--world', world], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock serve did not start: ${banner}${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      banner += d.toString();
      if (banner.includes('Stop with')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mock serve exited (${code}): ${banner}${stderr}`));
    });
  });
  const env: Record<string, string> = {};
  for (const m of banner.matchAll(/\b((?:AWS|VMC)_[A-Z0-9_]+)=(\S+)/g)) env[m[1]!] = m[2]!;
  for (const key of ['VMC_CSP_URL', 'VMC_URL'])
    if (!env[key]?.startsWith('http://127.0.0.1:')) throw new Error(`mock serve's banner gave no loopback ${key}`);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  return { child, env, stop };
}

export async function openSession(o: { repo: string; workDir: string }): Promise<Session> {
  const moto = await startMoto();
  const closers: (() => Promise<void>)[] = [() => moto.stop()];
  const close = async (): Promise<void> => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    closers.length = 0;
  };
  // Ctrl-C or a CI job's SIGTERM: stop moto, the shim and mock serve before exiting.
  const onSignal = (signal: NodeJS.Signals): void => void close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  closers.unshift(async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  try {
    const ec2 = new EC2Client({ region: motoRegion, endpoint: moto.url, credentials: dummyCredentials, maxAttempts: 1 });
    closers.push(async () => ec2.destroy());
    const shim = await startSsmShim({ motoUrl: moto.url, ec2, hybridNodes: [] });
    closers.push(() => shim.close());
    const sddcFrom = join(o.repo, 'fixtures/snapshots/harness-before-runs');
    const segments = JSON.parse(await readFile(join(sddcFrom, 'nsx/segments.json'), 'utf8')) as {
      results: { subnets: { network: string }[] }[];
    };
    const bin = join(o.repo, 'bin', 'vmc-reach.cjs');
    let stopServe: (() => Promise<void>) | undefined;
    closers.push(async () => stopServe?.());
    const session = { moto, shim, ec2, close } as Session;
    session.renew = async () => {
      await stopServe?.();
      await moto.reset();
      const vpc = await buildConnectedVpc(ec2, {
        cidr: '10.20.0.0/16',
        subnetCidr: '10.20.0.0/24',
        availabilityZone: `${motoRegion}a`,
        sddcCidrs: segments.results.flatMap((s) => s.subnets.map((n) => n.network)),
      });
      await createInstanceProfile(moto.url, instanceProfileName);
      const worldDir = join(o.workDir, 'world');
      await rm(worldDir, { recursive: true, force: true });
      const { hybridNodes } = await writeServedWorld({
        sddcFrom,
        dir: worldDir,
        region: motoRegion,
        accountId: motoAccount,
        vpc,
        dump: await dumpAws(ec2),
        rename: vmNames,
      });
      shim.hybridNodes.splice(0, shim.hybridNodes.length, ...hybridNodes);
      const served = await startServe(bin, worldDir);
      stopServe = served.stop;
      const configFile = join(o.workDir, 'vmc-reach.config.json');
      await mkdir(o.workDir, { recursive: true });
      await writeFile(
        configFile,
        `${JSON.stringify(
          {
            target: 'live',
            region: motoRegion,
            reportDir: join(o.workDir, 'report'),
            // moto runs no command: one echo, no retry of a probe that could not run.
            probe: { count: 1, timeoutSeconds: 1, retries: 0 },
            live: {
              orgId: served.env.VMC_ORG_ID,
              sddcId: served.env.VMC_SDDC_ID,
              cspUrl: served.env.VMC_CSP_URL,
              vmcUrl: served.env.VMC_URL,
              instanceProfile: instanceProfileName,
              instanceType: 't3.micro',
              vms: vmNames,
            },
          },
          null,
          2,
        )}\n`,
      );
      Object.assign(session, {
        vpc,
        worldDir,
        orgId: served.env.VMC_ORG_ID!,
        sddcId: served.env.VMC_SDDC_ID!,
        configFile,
        env: {
          AWS_REGION: motoRegion,
          AWS_DEFAULT_REGION: motoRegion,
          AWS_ACCESS_KEY_ID: dummyCredentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: dummyCredentials.secretAccessKey,
          AWS_ENDPOINT_URL_EC2: moto.url,
          AWS_ENDPOINT_URL_SSM: shim.url,
          VMC_API_TOKEN: served.env.VMC_API_TOKEN!,
          VMC_CSP_URL: served.env.VMC_CSP_URL!,
          VMC_URL: served.env.VMC_URL!,
          VMC_REACH_CONFIG: configFile,
        },
      });
    };
    await session.renew();
    return session;
  } catch (e) {
    await close();
    throw e;
  }
}
