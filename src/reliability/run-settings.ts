// TargetSettings for a run that reaches a served world through endpoint overrides, built from the same
// environment variables a run reads (as `vmc-reach run` does), with the default configuration.
// `mock` uses the mock's fake AWS credentials; `live` takes them from the SDK's chain (the environment).
import { configSchema } from '../target/config/schema';
import { resolveTarget, type TargetSettings } from '../target/target';

export function settingsFor(env: Record<string, string | undefined>, target: 'mock' | 'live' = 'mock'): TargetSettings {
  const s = resolveTarget(configSchema.parse({ target, live: { instanceProfile: env.VMC_REACH_INSTANCE_PROFILE } }), env);
  // Against an instant mock, VMware retries need not sleep for real.
  return { ...s, vmc: { ...s.vmc, sleep: async () => undefined } };
}
