// Scrubbing for the evidence pack, applied to every string of the data before it is rendered: known
// secret values (from the environment: tokens, secret keys, passwords) and secret-shaped text (AWS
// access key ids, bearer tokens, CSP auth headers, JWTs, token/password JSON fields) are redacted; on
// request, AWS account ids (12 digits) become consistent placeholders (account-1, account-2, … in order
// of first appearance), so one account reads the same everywhere in the pack.
export interface ScrubOptions {
  /** Exact secret values to redact wherever they appear. */
  secrets?: readonly string[];
  /** Replace 12-digit AWS account ids with placeholders. */
  accountIds?: boolean;
}

export const redacted = '[redacted]';

const secretName = /TOKEN|SECRET|PASSWORD|PASSPHRASE|CREDENTIAL|API_?KEY|ACCESS_KEY|PRIVATE_KEY/i;

/** Values of environment variables whose names say they hold a secret. */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([k, v]) => secretName.test(k) && typeof v === 'string' && v.length >= 6)
    .map(([, v]) => v!);
}

const secretShapes: [RegExp, string | ((...m: string[]) => string)][] = [
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, redacted],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, `Bearer ${redacted}`],
  [/(csp-auth-token|x-amz-security-token|authorization)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, (_m, k, sep) => `${k}${sep}${redacted}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, redacted],
  [
    /("(?:refresh_token|access_token|api_token|id_token|password|secret|secretAccessKey|sessionToken)"\s*:\s*")[^"]*"/gi,
    (_m, k) => `${k}${redacted}"`,
  ],
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createScrubber(options: ScrubOptions = {}): (text: string) => string {
  const secrets = [...new Set(options.secrets ?? [])].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const secretPattern = secrets.length ? new RegExp(secrets.map(escapeRegExp).join('|'), 'g') : undefined;
  const accounts = new Map<string, string>();
  return (text) => {
    let out = secretPattern ? text.replace(secretPattern, redacted) : text;
    for (const [re, by] of secretShapes) out = out.replace(re, by as string);
    if (options.accountIds) {
      out = out.replace(/(?<![0-9])[0-9]{12}(?![0-9])/g, (id) => {
        if (!accounts.has(id)) accounts.set(id, `account-${accounts.size + 1}`);
        return accounts.get(id)!;
      });
    }
    return out;
  };
}

/** Applies the scrubber to every string (keys included) of plain data. */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, scrub)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), scrubDeep(v, scrub)])) as T;
  return value;
}
