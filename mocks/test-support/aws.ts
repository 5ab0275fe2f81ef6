// Set-up for the AWS mock's tests (test code only): the in-process mock with every handler (the same
// list `mock serve` answers with, through ./msw.ts), a world per test (built by the world layer's one
// test-world builder), and real SDK clients from the project's factory with fake credentials and maxAttempts 1.

// The SDK warns on Node 20 that 2027 releases need Node 22; the SDK version is pinned, so silence it.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

import { instantLatency, type LatencyProfile, type World } from '../../src/world';
import { fakeClock, newWorldWithVpc } from '../../src/world/test-support';
import { createMockAwsClients, type AwsClients } from '../../src/clients/aws';
import { FaultPlan, type FaultRule } from '../faults';
import { createMockContext, type MockContext } from '../mock-context';
import { useMockServer } from './msw';
import { engineScriptRunner } from '../aws/ssm/script-runner';

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
  const useContext = useMockServer();
  let clients: AwsClients | undefined;
  afterEach(() => clients?.destroy());
  return {
    use(world: World, options: UseOptions = {}): MockAws {
      const ctx = createMockContext(world, new FaultPlan(options.faults ?? [], 7), { scriptRunner: engineScriptRunner });
      useContext(ctx);
      clients = createMockAwsClients({ region: world.region, maxAttempts: options.maxAttempts ?? 1 });
      return { ...clients, ctx, world };
    },
  };
}

/** A small world: VPC 10.0.0.0/16, subnet 10.0.1.0/24 in `<region>a`, on a clock the test controls. */
export function smallWorld(latency: Partial<LatencyProfile> = {}) {
  const clock = fakeClock(Date.parse('2026-11-25T00:00:00Z'));
  const { world, vpc, subnet, defaultSg } = newWorldWithVpc({
    seed: 11,
    region: 'ap-northeast-1',
    clock: clock.now,
    latency: { ...instantLatency, ...latency },
    vpc: { tags: [{ key: 'Name', value: 'test-vpc' }] },
    subnet: { availabilityZone: 'ap-northeast-1a' },
  });
  return { world, vpc, subnet, defaultSg, advance: clock.advance };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  p: Promise<unknown>,
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number; attempts?: number }; $fault?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { name: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
