// The embedded mock as a run target: a world loaded from a snapshot, served in-process (MSW), the
// environment a run reads to find it (region, CSP token, org and SDDC ids, instance profile) — the
// same variables a live run reads, so the live code path is what runs — and the clients' in-process
// transports to it (the same requests and answers, without the HTTP client and MSW's interception).
// Run Command's scripts run with the script runner the target is served with: the reachability
// engine's unless the caller passes another (the lab's, see mock-session.ts). The target is
// AsyncDisposable (`await using`).
import '../src/async-dispose';
import { resolve } from 'node:path';
import { loadSnapshot } from '../src/snapshot';
import { instantLatency, type LatencyProfile, type ScriptRunner, type World } from '../src/world';
import { createMockContext, type MockContext } from './mock-context';
import { startInProcessMock, type InProcessMock } from './in-process';
import { engineScriptRunner } from './aws/ssm/script-runner';
import { vmwareState } from './vmc/state';
import { inProcessAwsHandler } from './aws/in-process-handler';
import { inProcessFetch } from './vmc/in-process-fetch';
import type { MockTransport } from '../src/target/target';

export interface MockTarget extends AsyncDisposable {
  world: World;
  ctx: MockContext;
  /** The variables a run needs to reach this mock. */
  env: Record<string, string>;
  /**
   * The clients' in-process transports to this mock (no network in between; MSW still intercepts
   * whatever else a run might send, and refuses it).
   */
  transport: MockTransport;
  close(): void;
}

/** The world of a mock target: a snapshot made for the harness (it must hold an SDDC). */
export async function loadMockTargetWorld(worldDir: string, latency: LatencyProfile = instantLatency): Promise<World> {
  const world = await loadSnapshot(resolve(worldDir), { latency });
  if (!world.nsx.sddc) throw new Error(`mock world ${worldDir} has no SDDC (vmc/sddc.json); pick a snapshot made for the harness`);
  return world;
}

/** Serves a loaded world in-process; scripts run with `scriptRunner` (default: the engine's). */
export function serveMockTarget(world: World, scriptRunner: ScriptRunner = engineScriptRunner): MockTarget {
  const sddc = world.nsx.sddc;
  if (!sddc) throw new Error('the mock world has no SDDC (vmc/sddc.json); pick a snapshot made for the harness');
  const ctx = createMockContext(world, undefined, { scriptRunner });
  const mock: InProcessMock = startInProcessMock(ctx);
  const env = {
    AWS_REGION: world.region,
    VMC_API_TOKEN: [...vmwareState(ctx).csp.apiTokens][0]!,
    VMC_ORG_ID: sddc.orgId,
    VMC_SDDC_ID: sddc.id,
    VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup',
  };
  const transport: MockTransport = { aws: (o) => inProcessAwsHandler(ctx, o), fetch: inProcessFetch(ctx) };
  const close = (): void => mock.close();
  return { world, ctx, env, transport, close, [Symbol.asyncDispose]: async () => close() };
}

/** Loads a snapshot and serves it, scripts answered by the reachability engine. */
export async function startMockTarget(worldDir: string, latency: LatencyProfile = instantLatency): Promise<MockTarget> {
  return serveMockTarget(await loadMockTargetWorld(worldDir, latency));
}
