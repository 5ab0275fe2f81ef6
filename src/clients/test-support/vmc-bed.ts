// Test set-up for the VMC client's tests (test code only): a world with a connected VPC, an SDDC
// (2 hosts, the first cross-link ENI active), the Default Uplink Rule and VM CJ-VM01; the VMware mock
// in-process on a fake clock shared by the world, the mock's tokens and the client; and a client whose
// sleeps advance that clock, so retries and token expiry take no real time. A fresh world per test.
import { setupServer } from 'msw/node';
import {
  World,
  addVm,
  createSubnet,
  createVpc,
  deploySddc,
  instantLatency,
  patchCgwRule,
  type LatencyProfile,
} from '../../world';
import { FaultPlan, type FaultRule } from '../../../mocks/faults';
import { createMockContext, type MockContext } from '../../../mocks/mock-context';
import type { VmwareMockOptions } from '../../../mocks/vmc/state';
import { vmcHandlers } from '../../../mocks/vmc/handlers';
import { defaultMockApiToken } from '../../../mocks/vmc/csp/tokens';
import { createVmcClient, type VmcClient, type VmcClientOptions } from '../vmc/client';

export const cjVm = { name: 'CJ-VM01', externalId: '501f2c4a-8d3e-4b7a-9c61-3f0e5d2a7b19', ip: '192.168.100.10' };

export interface BedOptions {
  latency?: LatencyProfile;
  faults?: FaultRule[];
  vmware?: VmwareMockOptions;
}

export interface Bed {
  ctx: MockContext;
  world: World;
  clock: { now: () => number; advance: (ms: number) => void };
  vpcId: string;
  subnetId: string;
  activeEni: string;
  standbyEni: string;
  orgId: string;
  sddcId: string;
  /** Every wait the clients asked for, in ms. */
  sleeps: number[];
  /** Every log line of the clients. */
  logs: string[];
  client(overrides?: Partial<VmcClientOptions>): VmcClient;
}

export function buildBed(options: BedOptions = {}): Bed {
  let now = Date.parse('2026-11-25T09:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const world = new World({ seed: 4, clock: clock.now, latency: options.latency ?? instantLatency });
  const vpc = createVpc(world, { cidrBlock: '172.31.0.0/16' });
  const subnet = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '172.31.16.0/20', availabilityZone: 'us-west-2a' });
  const deployed = deploySddc(world, { vpcId: vpc.vpcId, subnetId: subnet.subnetId, hosts: 2, name: 'CJ-SDDC' });
  patchCgwRule(world, 'default-uplink-rule', { displayName: 'Default Uplink Rule', sequenceNumber: 99999, action: 'DROP', scope: ['/infra/labels/cgw-all'], isDefault: true });
  addVm(world, { externalId: cjVm.externalId, displayName: cjVm.name, powerState: 'VM_RUNNING', tags: [], ipAddresses: [cjVm.ip], osName: 'Ubuntu Linux (64-bit)' });
  const ctx = createMockContext(world, new FaultPlan(options.faults ?? []), options.vmware ? { vmware: options.vmware } : {});
  const sleeps: number[] = [];
  const logs: string[] = [];
  const sddc = deployed.sddc;
  return {
    ctx,
    world,
    clock,
    vpcId: vpc.vpcId,
    subnetId: subnet.subnetId,
    activeEni: deployed.activeEni,
    standbyEni: deployed.crossLinkEniIds.find((e) => e !== deployed.activeEni)!,
    orgId: sddc.orgId,
    sddcId: sddc.id,
    sleeps,
    logs,
    client: (overrides = {}) =>
      createVmcClient({
        apiToken: defaultMockApiToken,
        orgId: sddc.orgId,
        sddcId: sddc.id,
        clock: clock.now,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
        log: (line) => logs.push(line),
        ...overrides,
      }),
  };
}

/**
 * Starts the VMware mock in-process for the test file (one MSW server per file) and returns `bed()`,
 * which builds a fresh world and context for the calling test and points the handlers at it (they
 * read the context at request time, so swapping its fields is enough).
 */
export function useVmcMock(): (options?: BedOptions) => Bed {
  const ctx: MockContext = { ...buildBed().ctx };
  const server = setupServer(...vmcHandlers(ctx));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  return (options = {}) => {
    const bed = buildBed(options);
    Object.assign(ctx, bed.ctx);
    bed.ctx = ctx;
    return bed;
  };
}

/** The calls the mock saw for `service`, as `operation` names (with the fault, if one was injected). */
export const callsTo = (bed: Bed, service: 'csp' | 'vmc' | 'nsx'): string[] =>
  bed.ctx.faults.calls.filter((c) => c.service === service).map((c) => (c.fault ? `${c.operation} !${c.fault}` : c.operation));
