// The mock target's options, from the run's configuration and the variables `vmc-reach run` gives its
// workers: the snapshot folder the world is loaded from (`mock.world`, relative to the project, else the
// package's own copy; VMC_REACH_MOCK_WORLD), its latency profile, and whether SSM commands run for real in
// the lab. The callers that start the mock around a scenario file (jest's set-up file
// mocks/scenario-setup.ts, `vmc-reach run`'s workers) read them here and hand them to
// mocks/mock-session.ts explicitly: the mock reads no configuration of the harness.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { packageRoot } from '../../package/package-root';
import { instantLatency, realisticLatency, type LatencyProfile } from '../../world';
import type { HarnessConfig } from './schema';

/** What mocks/mock-session.ts's startMockSession takes. */
export interface MockWorldOptions {
  worldDir: string;
  latency: LatencyProfile;
  /** `lab`: SSM commands run for real in the lab; `model`: answered from the engine's verdict. */
  dataplane: 'model' | 'lab';
  /** The lab's backend when `dataplane` is `lab`: namespaces (default) or containers. */
  labBackend: 'netns' | 'container';
}

/** The mock world folder: as the config names it (relative to `cwd`), else the package's own copy. */
export function mockWorldDir(world: string, cwd: string = process.cwd()): string {
  const own = resolve(cwd, world);
  if (isAbsolute(world) || existsSync(own)) return own;
  const packaged = join(packageRoot(), world);
  return existsSync(packaged) ? packaged : own;
}

/** The options of a mock run: the config's `mock` section, with `vmc-reach run`'s variables over it. */
export function mockWorldOptions(config: HarnessConfig, env: NodeJS.ProcessEnv = process.env): MockWorldOptions {
  return {
    worldDir: env.VMC_REACH_MOCK_WORLD ?? mockWorldDir(config.mock.world),
    latency: config.mock.latency === 'realistic' ? realisticLatency(Number(env.VMC_REACH_LATENCY_SCALE ?? 100)) : instantLatency,
    dataplane: env.VMC_REACH_DATAPLANE === 'lab' ? 'lab' : 'model',
    labBackend: env.VMC_REACH_LAB_BACKEND === 'container' ? 'container' : 'netns',
  };
}
