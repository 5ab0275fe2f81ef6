// Jest set-up for scenarios/*.scenario.ts on the mock target: loads the mock world from its snapshot,
// serves it in-process (MSW), and hands the harness its settings through the same environment variables
// a live run reads (region, CSP token, org and SDDC ids, instance profile), so the live code path runs.
// After the file's scenarios it checks that the world holds nothing the run created and that every
// resource the run did not create is exactly as it was (the default SG's rules included).
import { afterAll, beforeAll } from '@jest/globals';
import { resolve } from 'node:path';
import { loadConfig } from '../src/harness/config/load-config';
import { loadSnapshot, snapshotFiles } from '../src/snapshot';
import { instantLatency, realisticLatency, type World } from '../src/world';
import { createMockContext } from './mock-context';
import { startInProcessMock, type InProcessMock } from './in-process';
import { vmwareState } from './vmc/state';
import { leftovers } from './leftovers';

let world: World | undefined;
let mock: InProcessMock | undefined;
let before: Map<string, string> | undefined;

beforeAll(async () => {
  const { config } = await loadConfig();
  if (config.target !== 'mock') return;
  world = await loadSnapshot(resolve(config.mock.world), { latency: config.mock.latency === 'realistic' ? realisticLatency(Number(process.env.VMC_REACH_LATENCY_SCALE ?? 100)) : instantLatency });
  const ctx = createMockContext(world);
  mock = startInProcessMock(ctx);
  const sddc = world.nsx.sddc;
  if (!sddc) throw new Error(`mock world ${config.mock.world} has no SDDC (vmc/sddc.json); pick a snapshot made for the harness`);
  Object.assign(process.env, {
    AWS_REGION: world.region,
    VMC_API_TOKEN: [...vmwareState(ctx).csp.apiTokens][0],
    VMC_ORG_ID: sddc.orgId,
    VMC_SDDC_ID: sddc.id,
    VMC_REACH_INSTANCE_PROFILE: 'AmazonSSMRoleForInstancesQuickSetup',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  before = snapshotFiles(world, { description: 'before' });
});

afterAll(() => {
  mock?.close();
  if (!world || !before) return;
  const left = leftovers(world, before);
  if (left.length > 0) throw new Error(`the run left the mock world changed:\n  ${left.join('\n  ')}`);
});
