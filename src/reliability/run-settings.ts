// TargetSettings for a run that reaches a served world through endpoint overrides, built from the same
// environment variables a run reads (as `vmc-reach run` does), with the default configuration.
// `mock` uses the mock's fake AWS credentials and the served world's loopback endpoints, given explicitly
// (mock mode reads none from the environment); `live` takes them from the SDK's chain (the environment).
import { configSchema } from '../harness/config/schema';
import { resolveTarget, type TargetSettings } from '../harness/target';

export function settingsFor(env: Record<string, string | undefined>, target: 'mock' | 'live' = 'mock'): TargetSettings {
  const s = resolveTarget(configSchema.parse({ target, live: { instanceProfile: env.VMC_REACH_INSTANCE_PROFILE } }), env);
  // Mock mode never reads endpoints from the environment: the served world's are handed over here.
  const served = target === 'mock' ? { aws: { ...s.aws, endpoints: { ec2: env.AWS_ENDPOINT_URL_EC2!, ssm: env.AWS_ENDPOINT_URL_SSM! } }, vmcUrls: { cspUrl: env.VMC_CSP_URL!, vmcUrl: env.VMC_URL! } } : undefined;
  // Against an instant mock, VMware retries need not sleep for real.
  return { ...s, ...(served ? { aws: served.aws } : {}), vmc: { ...s.vmc, ...served?.vmcUrls, sleep: async () => undefined } };
}
