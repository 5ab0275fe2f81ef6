// Secrets out of a collected snapshot: keys that hold credentials (the SDDC GET carries vCenter and NSX
// cloud-admin passwords; any password, secret, token or private key field) are dropped, and every known
// secret value (the CSP API token, access tokens) is redacted wherever it appears.
import { redact, type Secret } from '../../clients/vmc';
import { mapFiles, mapJson } from './json-walk';

const secretKey = /(password|passwd|secret|private_?key|credential|(^|_)token$|Token$|api_?key)/i;
/** Keys that look secret but hold none, and that readers need. */
const keep = new Set(['NextToken', 'ClientToken', 'token_type']);

export const isSecretKey = (key: string): boolean => !keep.has(key) && secretKey.test(key);

export function removeSecrets(files: ReadonlyMap<string, string>, secrets: readonly (Secret | string)[]): Map<string, string> {
  const cleaned = mapFiles(files, (json) => mapJson(json, (v) => v, isSecretKey));
  return new Map([...cleaned].map(([f, text]) => [f, redact(text, secrets)]));
}
