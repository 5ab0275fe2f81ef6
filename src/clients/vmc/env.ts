// The VMC client's settings from the environment (design §4: the token from the environment or a file,
// never from argv): VMC_API_TOKEN or VMC_API_TOKEN_FILE, VMC_ORG_ID, VMC_SDDC_ID, and optionally
// VMC_CSP_URL and VMC_URL (`vmc-reach mock serve` prints them for the served mock).
import { readFileSync } from 'node:fs';
import { VmcClientError } from './errors';
import { Secret } from './redact';
import type { VmcClientOptions } from './client';

export function vmcClientOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): VmcClientOptions {
  const missing = (name: string): never => {
    throw new VmcClientError(`${name} is not set: the VMC client needs VMC_API_TOKEN (or VMC_API_TOKEN_FILE), VMC_ORG_ID and VMC_SDDC_ID`);
  };
  const tokenText = env.VMC_API_TOKEN ?? (env.VMC_API_TOKEN_FILE ? readFile(env.VMC_API_TOKEN_FILE).trim() : undefined);
  const apiToken = tokenText ? new Secret(tokenText) : missing('VMC_API_TOKEN');
  return {
    apiToken,
    orgId: env.VMC_ORG_ID ?? missing('VMC_ORG_ID'),
    sddcId: env.VMC_SDDC_ID ?? missing('VMC_SDDC_ID'),
    ...(env.VMC_CSP_URL ? { cspUrl: env.VMC_CSP_URL } : {}),
    ...(env.VMC_URL ? { vmcUrl: env.VMC_URL } : {}),
  };
}
