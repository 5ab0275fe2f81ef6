// Mock mode's isolation from the shell: the environment's AWS settings (endpoints, credentials, profiles,
// region) and VMC settings (token, org and SDDC ids, CSP and VMC URLs) are removed before any scenario
// starts, so no process of the run can reach what they name; the mock supplies its own. The mock world
// itself is checked here too: missing or broken, the run stops (exit 2) before anything runs.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { loadSnapshot } from '../snapshot';
import { UsageError } from './usage-error';

/** Variables a mock run never reads: every AWS_* and VMC_* setting, except the harness's own VMC_REACH_* and the SDK's warning switch. */
export const ignoredInMockMode = (name: string): boolean =>
  (/^AWS_/.test(name) && !name.startsWith('AWS_SDK_JS_')) || (/^VMC_/.test(name) && !name.startsWith('VMC_REACH_'));

/** Removes the variables a mock run ignores from `env` (in place); returns their names, sorted. */
export function scrubForMock(env: NodeJS.ProcessEnv): string[] {
  const names = Object.keys(env).filter(ignoredInMockMode).sort();
  for (const n of names) delete env[n];
  return names;
}

/**
 * The mock world's folder, checked: it must load as a snapshot and hold an SDDC. A relative path is taken
 * from the working folder; the default one falls back to the repository's copy. Returns the absolute path.
 */
export async function checkMockWorld(world: string, o: { configFile?: string; isDefault: boolean; repoRoot: string }): Promise<string> {
  let dir = resolve(world);
  if (o.isDefault && !isAbsolute(world) && !existsSync(dir)) dir = join(o.repoRoot, world);
  const where = `mock.world in ${o.configFile ?? 'the defaults'}`;
  const fix =
    'point "mock.world" at a snapshot folder made for the harness (e.g. fixtures/snapshots/harness-before-runs), or leave it out for the default';
  let sddc: unknown;
  try {
    sddc = (await loadSnapshot(dir)).nsx.sddc;
  } catch (e) {
    throw new UsageError(
      `the mock world ${dir} (${where}) cannot be loaded: ${(e as Error).message.replace(/\.$/, '')}; ${fix}. Nothing was run.`,
    );
  }
  if (!sddc)
    throw new UsageError(
      `the mock world ${dir} (${where}) has no SDDC (vmc/sddc.json): it is not a snapshot made for the harness; ${fix}. Nothing was run.`,
    );
  return dir;
}
