// Which services a run talks to and how: `mock` (the embedded mock; fake credentials, settings handed
// over by the mock's set-up) or `live` (the SDK's default credential chain and region; the CSP API token
// from VMC_API_TOKEN or a token file, never argv; org and SDDC ids). Missing live settings are listed
// all at once, each with how to provide it. A mock run's scenarios read no environment: the mock supplies
// its own settings (supplyMockSettings, mockTargetSettings), and the clients refuse non-mock endpoints.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { AwsClientOptions } from '../clients/aws';
import { mockCredentials } from '../clients/mock-credentials';
import { defaultCspUrl, defaultVmcUrl, Secret, type VmcClientOptions } from '../clients/vmc';
import type { HarnessConfig } from './config/schema';
import type { TranscriptOrigin } from './results';

export class TargetError extends Error {
  override readonly name = 'TargetError';
}

export interface TargetSettings {
  kind: 'mock' | 'live';
  /**
   * Where probe transcripts come from: the mock's model of the verdict, the lab's real packets, or live.
   * A mock run is `model` unless the mock's set-up supplied VMC_REACH_DATAPLANE=lab (the lab is running).
   */
  transcripts: TranscriptOrigin;
  region: string;
  aws: AwsClientOptions;
  vmc: VmcClientOptions;
  /** The existing SDDC VM's SSM managed node, when configured (else found by its IP). */
  vmManagedInstanceIds: Record<string, string>;
  /** The scenarios' VM names → the SDDC's display names (live.vms); unmapped names are used as they are. */
  vmNames?: Record<string, string>;
  image: string;
  instanceType: string;
  instanceProfile?: string;
  subnetId?: string;
  /** `retries`: a probe that could not run, or whose packets disagree with the configuration, is run again (flaky when it then passes). */
  probe: {
    count: number;
    timeoutSeconds: number;
    retries: number;
    /** TCP/UDP probes: seconds to wait for the handshake or the echo. */ portTimeoutSeconds: number;
  };
}

/** The settings a mock target hands over (region, CSP token, org and SDDC ids, instance profile): set by the mock's set-up. */
let mockSupplied: Record<string, string> | undefined;

/**
 * The embedded mock's in-process transports: the AWS clients' request handler and the VMC client's
 * fetch answer from the mock in the same thread (the requests and answers as on the wire, no network).
 */
export interface MockTransport {
  aws: NonNullable<AwsClientOptions['inProcess']>;
  fetch: NonNullable<VmcClientOptions['fetch']>;
}
let mockTransport: MockTransport | undefined;

/** Called by whoever starts the mock around a scenario file (mocks/scenario-setup.ts, `vmc-reach run`'s workers) once its world is served; `undefined` clears. */
export function supplyMockSettings(env: Record<string, string> | undefined, transport?: MockTransport): void {
  mockSupplied = env;
  mockTransport = env ? transport : undefined;
}

/**
 * Mock-mode settings from what the mock supplied, never from the process environment; throws when no
 * mock was set up (the world failed to load), so nothing can run against whatever the environment names.
 */
export function mockTargetSettings(config: HarnessConfig): TargetSettings {
  if (!mockSupplied)
    throw new TargetError(
      `mock target: the mock world ${config.mock.world} (config field mock.world) was not set up, so nothing was run; check that the folder is a snapshot made for the harness`,
    );
  const settings = resolveTarget(
    {
      ...config,
      target: 'mock',
      region: undefined,
      live: {
        ...config.live,
        orgId: undefined,
        sddcId: undefined,
        cspTokenFile: undefined,
        instanceProfile: mockSupplied.VMC_REACH_INSTANCE_PROFILE ?? config.live.instanceProfile,
      },
    },
    mockSupplied,
  );
  if (!mockTransport) return settings;
  return { ...settings, aws: { ...settings.aws, inProcess: mockTransport.aws }, vmc: { ...settings.vmc, fetch: mockTransport.fetch } };
}

const expandHome = (p: string): string => (p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p);

/**
 * `purpose` 'inspect' is for the commands that only read or clean up (doctor, collect, reap): they do not
 * launch test instances, so the instance profile is not a missing setting for them.
 */
export function resolveTarget(
  config: HarnessConfig,
  env: NodeJS.ProcessEnv = process.env,
  readFile: (p: string) => string = (p) => readFileSync(p, 'utf8'),
  purpose: 'run' | 'inspect' = 'run',
): TargetSettings {
  const missing: string[] = [];
  const region = config.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) missing.push('AWS region: set "region" in vmc-reach.config.json or AWS_REGION');
  const orgId = config.live.orgId ?? env.VMC_ORG_ID;
  if (!orgId) missing.push('VMC org id: set "live.orgId" in the config or VMC_ORG_ID');
  const sddcId = config.live.sddcId ?? env.VMC_SDDC_ID;
  if (!sddcId) missing.push('SDDC id: set "live.sddcId" in the config or VMC_SDDC_ID');
  let token: Secret | undefined;
  if (env.VMC_API_TOKEN) token = new Secret(env.VMC_API_TOKEN);
  else if (config.live.cspTokenFile) {
    const file = expandHome(config.live.cspTokenFile);
    try {
      token = new Secret(readFile(file).trim());
    } catch {
      missing.push(`CSP API token: the token file ${file} (live.cspTokenFile / VMC_API_TOKEN_FILE) cannot be read`);
    }
  } else
    missing.push(
      'CSP API token: export VMC_API_TOKEN, or put it in a file (chmod 600) named by "live.cspTokenFile" or VMC_API_TOKEN_FILE; never on the command line',
    );
  if (config.target === 'live' && purpose === 'run' && !config.live.instanceProfile) {
    missing.push(
      'instance profile for SSM: set "live.instanceProfile" (e.g. AmazonSSMRoleForInstancesQuickSetup) or VMC_REACH_INSTANCE_PROFILE',
    );
  }
  if (missing.length > 0) {
    throw new TargetError(`${config.target} target: missing settings:\n  - ${missing.join('\n  - ')}`);
  }
  // Mock mode: the mock's own settings only. `vmc-reach run` passes what the embedded mock supplied (no
  // endpoints: it answers the default hosts in-process), never the process environment; other callers
  // (reap of a served mock's run, the reliability checks) pass a served mock's loopback endpoints, and
  // the clients refuse any other. The configuration's live URLs never apply to a mock.
  const mock = config.target === 'mock';
  const cspUrl = env.VMC_CSP_URL ?? (mock ? defaultCspUrl : config.live.cspUrl);
  const vmcUrl = env.VMC_URL ?? (mock ? defaultVmcUrl : config.live.vmcUrl);
  const endpoint = env.AWS_ENDPOINT_URL;
  const aws: AwsClientOptions = {
    region: region!,
    ...(mock ? { credentials: mockCredentials, mock: true } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL_SSM
      ? {
          endpoints: {
            ...(env.AWS_ENDPOINT_URL_EC2 ? { ec2: env.AWS_ENDPOINT_URL_EC2 } : {}),
            ...(env.AWS_ENDPOINT_URL_SSM ? { ssm: env.AWS_ENDPOINT_URL_SSM } : {}),
          },
        }
      : {}),
  };
  return {
    kind: config.target,
    transcripts: !mock ? 'live' : env.VMC_REACH_DATAPLANE === 'lab' ? 'lab' : 'model',
    region: region!,
    aws,
    vmc: { apiToken: token!, orgId: orgId!, sddcId: sddcId!, cspUrl, vmcUrl, ...(mock ? { mock: true } : {}) },
    // The mock's VMs are found by discovery: a live config's node id (e.g. the example's) would not be there.
    vmManagedInstanceIds: !mock && config.live.vm ? { [config.live.vm.name]: config.live.vm.managedInstanceId } : {},
    ...(config.live.vms ? { vmNames: config.live.vms } : {}),
    image: config.live.image,
    instanceType: config.live.instanceType,
    ...(config.live.instanceProfile ? { instanceProfile: config.live.instanceProfile } : {}),
    ...(config.live.subnetId ? { subnetId: config.live.subnetId } : {}),
    probe: {
      count: config.probe.count,
      timeoutSeconds: config.probe.timeoutSeconds,
      retries: config.probe.retries ?? (config.target === 'live' ? 1 : 0),
      portTimeoutSeconds: config.probe.portTimeoutSeconds ?? 5,
    },
  };
}
