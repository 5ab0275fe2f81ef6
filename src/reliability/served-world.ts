// A fresh mock world served on a loopback port, owned by the reliability process: the world survives a
// run's process being killed, and the checks read it directly. Also the environment and TargetSettings a
// run uses to reach it (the live code path through endpoint overrides, as with `vmc-reach mock serve`).
// A served world is AsyncDisposable: `await using w = await serveWorld()` stops serving it at scope end.
import '../async-dispose';
import { join } from 'node:path';
import { repoRoot } from '../package/package-root';
import { FaultPlan, type FaultRule } from '../../mocks/faults';
import { createMockContext, type MockContext } from '../../mocks/mock-context';
import { engineScriptRunner } from '../../mocks/aws/ssm/script-runner';
import { serveMock, type ServedMock } from '../../mocks/serve';
import { vmwareState } from '../../mocks/vmc/state';
import { mockCredentials } from '../clients/aws';
import { loadSnapshot, snapshotFiles } from '../snapshot';
import type { World } from '../world';

export const harnessWorldDir = join(repoRoot(), 'fixtures', 'snapshots', 'harness-before-runs');

export interface ServedWorld extends AsyncDisposable {
  world: World;
  ctx: MockContext;
  served: ServedMock;
  /** The world's files before any run (compare with checkWorld). */
  before: Map<string, string>;
  /** What a run's process needs to reach this world (mock target, fake AWS credentials). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface ServeWorldOptions {
  faults?: FaultRule[];
  /** CSP API tokens the mock accepts (default: the mock's own). */
  apiTokens?: string[];
  /** Changes made to the world before it is served (e.g. a customer's resources). */
  prepare?: (world: World) => void | Promise<void>;
}

export async function serveWorld(o: ServeWorldOptions = {}): Promise<ServedWorld> {
  const world = await loadSnapshot(harnessWorldDir);
  await o.prepare?.(world);
  const ctx = createMockContext(world, new FaultPlan(o.faults ?? []), {
    scriptRunner: engineScriptRunner,
    ...(o.apiTokens ? { vmware: { csp: { apiTokens: o.apiTokens } } } : {}),
  });
  const served = await serveMock(ctx);
  const sddc = world.nsx.sddc!;
  const env = {
    VMC_REACH_TARGET: 'mock',
    AWS_REGION: world.region,
    AWS_ENDPOINT_URL_EC2: served.url,
    AWS_ENDPOINT_URL_SSM: served.url,
    AWS_ACCESS_KEY_ID: mockCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: mockCredentials.secretAccessKey,
    VMC_CSP_URL: served.url,
    VMC_URL: served.url,
    VMC_API_TOKEN: [...vmwareState(ctx).csp.apiTokens][0]!,
    VMC_ORG_ID: sddc.orgId,
    VMC_SDDC_ID: sddc.id,
    VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup',
  };
  return {
    world,
    ctx,
    served,
    before: snapshotFiles(world, { description: 'before' }),
    env,
    close: () => served.close(),
    [Symbol.asyncDispose]: () => served.close(),
  };
}
