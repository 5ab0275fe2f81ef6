// CSP token state of the mock: the API tokens (a.k.a. refresh tokens) it accepts, and the access tokens
// it has issued with their expiry on the world's clock. VMC and NSX ask it whether a `csp-auth-token` is
// valid. Mock notes: access tokens are JWT-shaped (header.payload.signature) but the signature is a
// hash, not a real signature; `expires_in` defaults to 1799 s (the real value for API-token exchange is
// UNCONFIRMED, 30 minutes is documented for console sessions); roles and scopes are not checked.
import { createHash } from 'node:crypto';

/** The API token a mock accepts unless told otherwise; `vmc-reach mock serve` prints it. */
export const defaultMockApiToken = `vmcreach${createHash('sha256').update('vmc-reach mock api token').digest('hex').slice(0, 56)}`;

/** The CSP user the default API token belongs to (shown as `_create_user` on what it writes). */
export const defaultMockUser = 'harness@vmc-reach.test';

export interface CspTokenOptions {
  /** API tokens the mock accepts (default: the one printed by `mock serve`). */
  apiTokens?: readonly string[];
  /** Lifetime of an issued access token in seconds (default 1799). */
  accessTokenTtlSeconds?: number;
  /** User name the tokens belong to. */
  user?: string;
}

export type TokenCheck = { ok: true; user: string } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

interface Issued {
  expiresAt: number;
  user: string;
}

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export class CspTokens {
  readonly apiTokens: Set<string>;
  readonly ttlSeconds: number;
  readonly user: string;
  private readonly issued = new Map<string, Issued>();
  private counter = 0;

  constructor(
    private readonly clock: () => number,
    options: CspTokenOptions = {},
  ) {
    this.apiTokens = new Set(options.apiTokens ?? [defaultMockApiToken]);
    this.ttlSeconds = options.accessTokenTtlSeconds ?? 1799;
    this.user = options.user ?? defaultMockUser;
  }

  /** Exchanges an API token for an access token; undefined when the API token is not accepted. */
  exchange(apiToken: string, orgId: string | undefined): { accessToken: string; idToken: string; expiresIn: number } | undefined {
    if (!this.apiTokens.has(apiToken)) return undefined;
    const now = this.clock();
    const n = ++this.counter;
    const payload = {
      sub: this.user,
      context_name: orgId ?? '',
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + this.ttlSeconds,
      jti: `mock-${n}`,
    };
    const signature = createHash('sha256').update(`${apiToken}:${n}:${now}`).digest('base64url');
    const accessToken = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${signature}`;
    this.issued.set(accessToken, { expiresAt: now + this.ttlSeconds * 1000, user: this.user });
    const idToken = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: this.user, acct: this.user }))}.${signature.slice(0, 16)}`;
    return { accessToken, idToken, expiresIn: this.ttlSeconds };
  }

  /** Whether `token` (the `csp-auth-token` header) is a live access token. */
  check(token: string | null | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const t = this.issued.get(token);
    if (!t) return { ok: false, reason: 'unknown' };
    if (this.clock() >= t.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, user: t.user };
  }

  /** Ends every issued access token now (a test's "token expired mid-run"). */
  expireAll(): void {
    const now = this.clock();
    for (const t of this.issued.values()) t.expiresAt = Math.min(t.expiresAt, now);
  }

  /** How many access tokens were issued so far. */
  get issuedCount(): number {
    return this.counter;
  }
}
