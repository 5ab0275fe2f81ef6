// Set-up for the AWS mock's tests (test code only): the in-process MSW server with every mock handler
// (the same list `mock serve` answers with), a world per test, and real SDK clients from the
// project's factory with fake credentials and maxAttempts 1.
import { setupServer } from 'msw/node';

// The SDK warns on Node 20 that 2027 releases need Node 22; the SDK version is pinned, so silence it.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

import { World, createSubnet, createVpc, defaultSecurityGroup, instantLatency, type LatencyProfile } from '../../src/world';
import { createMockAwsClients, type AwsClients } from '../../src/clients/aws';
import { FaultPlan, type FaultRule } from '../faults';
import { createMockContext, type MockContext } from '../mock-context';
import { createHandlers } from '../handlers';
import { engineScriptRunner } from './ssm/script-runner';

export interface MockAws extends AwsClients {
  ctx: MockContext;
  world: World;
}

export interface UseOptions {
  faults?: FaultRule[];
  maxAttempts?: number;
}

/** Registers the MSW server for the file; `use(world)` answers from that world until the next `use`. */
export function mockAws() {
  const server = setupServer();
  let clients: AwsClients | undefined;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => clients?.destroy());
  afterAll(() => server.close());
  return {
    use(world: World, options: UseOptions = {}): MockAws {
      const ctx = createMockContext(world, new FaultPlan(options.faults ?? [], 7), { scriptRunner: engineScriptRunner });
      server.resetHandlers(...createHandlers(ctx));
      clients = createMockAwsClients({ region: world.region, maxAttempts: options.maxAttempts ?? 1 });
      return { ...clients, ctx, world };
    },
  };
}

/** A small world: VPC 10.0.0.0/16, subnet 10.0.1.0/24 in `<region>a`, on a clock the test controls. */
export function smallWorld(latency: Partial<LatencyProfile> = {}) {
  let now = Date.parse('2026-11-25T00:00:00Z');
  const world = new World({ seed: 11, region: 'ap-northeast-1', clock: () => now, latency: { ...instantLatency, ...latency } });
  const vpc = createVpc(world, { cidrBlock: '10.0.0.0/16', tags: [{ key: 'Name', value: 'test-vpc' }] });
  const subnet = createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.1.0/24', availabilityZone: 'ap-northeast-1a' });
  return { world, vpc, subnet, defaultSg: defaultSecurityGroup(world, vpc.vpcId), advance: (ms: number) => void (now += ms) };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number; attempts?: number }; $fault?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { name: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
