// Test set-up for the VMC client's tests (test code only): a world with a connected VPC, an SDDC
// (2 hosts, the first cross-link ENI active), the Default Uplink Rule and VM CJ-VM01; the VMware mock
// in-process on a fake clock shared by the world, the mock's tokens and the client; and a client whose
// sleeps advance that clock, so retries and token expiry take no real time. A fresh world per test.
// The world comes from the world layer's one test-world builder, the MSW set-up from mocks/test-support.
import { addVm, instantLatency, patchCgwRule, type LatencyProfile, type World } from '../../world';
import { fakeClock, newWorldWithSddc } from '../../world/test-support';
import { FaultPlan, type FaultRule } from '../../../mocks/faults';
import { createMockContext, type MockContext } from '../../../mocks/mock-context';
import type { VmwareMockOptions } from '../../../mocks/vmc/state';
import { vmcHandlers } from '../../../mocks/vmc/handlers';
import { useMockServer } from '../../../mocks/test-support/msw';
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
  const clock = fakeClock(Date.parse('2026-11-25T09:00:00Z'));
  const { world, vpc, subnet, ...deployed } = newWorldWithSddc({
    seed: 4,
    clock: clock.now,
    latency: options.latency ?? instantLatency,
    vpc: { cidrBlock: '172.31.0.0/16' },
    subnet: { cidrBlock: '172.31.16.0/20', availabilityZone: 'us-west-2a' },
    sddc: { name: 'CJ-SDDC', hosts: 2 },
  });
  patchCgwRule(world, 'default-uplink-rule', {
    displayName: 'Default Uplink Rule',
    sequenceNumber: 99999,
    action: 'DROP',
    scope: ['/infra/labels/cgw-all'],
    isDefault: true,
  });
  addVm(world, {
    externalId: cjVm.externalId,
    displayName: cjVm.name,
    powerState: 'VM_RUNNING',
    tags: [],
    ipAddresses: [cjVm.ip],
    osName: 'Ubuntu Linux (64-bit)',
  });
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
    standbyEni: deployed.standbyEni,
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
 * which builds a fresh world and context for the calling test and points the handlers at it.
 */
export function useVmcMock(): (options?: BedOptions) => Bed {
  const useContext = useMockServer(vmcHandlers);
  return (options = {}) => {
    const bed = buildBed(options);
    useContext(bed.ctx);
    return bed;
  };
}

/** The calls the mock saw for `service`, as `operation` names (with the fault, if one was injected). */
export const callsTo = (bed: Bed, service: 'csp' | 'vmc' | 'nsx'): string[] =>
  bed.ctx.faults.calls.filter((c) => c.service === service).map((c) => (c.fault ? `${c.operation} !${c.fault}` : c.operation));
