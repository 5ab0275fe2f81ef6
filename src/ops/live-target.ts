// The live settings and clients of the operations commands (doctor, collect, reap by tags, nightly's
// checks): the configuration file and environment as `run --target live` reads them, but for reading and
// cleaning up only, so no instance profile is required. Endpoint overrides (AWS_ENDPOINT_URL_*,
// VMC_CSP_URL, VMC_URL) point them at `vmc-reach mock serve` in tests; nothing else differs.
import { createAwsClients, type AwsClients } from '../clients/aws';
import { createVmcClient, type VmcClient } from '../clients/vmc';
import { loadConfig } from '../target/config/load-config';
import type { HarnessConfig } from '../target/config/schema';
import { resolveTarget, type TargetSettings } from '../target/target';

export interface LiveClients {
  settings: TargetSettings;
  aws: AwsClients;
  vmc: VmcClient;
  close(): void;
}

export async function loadLiveConfig(configFile?: string): Promise<HarnessConfig> {
  const { config } = await loadConfig(configFile ? { file: configFile } : {});
  return { ...config, target: 'live' };
}

/** Settings and clients for a live account (or the served mock through endpoint overrides). */
export function liveClients(config: HarnessConfig, env: NodeJS.ProcessEnv = process.env): LiveClients {
  const settings = resolveTarget({ ...config, target: 'live' }, env, undefined, 'inspect');
  const aws = createAwsClients(settings.aws);
  const vmc = createVmcClient(settings.vmc);
  return { settings, aws, vmc, close: () => aws.destroy() };
}
