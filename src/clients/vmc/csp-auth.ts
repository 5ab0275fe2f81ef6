// CSP authentication: the API token is exchanged for an access token (form field `api_token` on
// `POST /csp/gateway/am/api/auth/api-tokens/authorize`), kept until shortly before its `expires_in`
// runs out, and exchanged again then, or at once when a service answered 401 (invalidate()).
// Concurrent callers share one exchange. The tokens live in `Secret`s and are redacted everywhere.
import { Secret } from './redact';
import { cspTokenSchema, expectShape } from './schemas';
import type { Transport } from './transport';

export const authorizePath = '/csp/gateway/am/api/auth/api-tokens/authorize';

export interface CspAuthOptions {
  /** CSP base URL, default `https://console.cloud.vmware.com`. */
  cspUrl: string;
  apiToken: Secret;
  /** How long before expiry to exchange again (default 2 minutes, at most half the token's lifetime). */
  refreshMarginMs?: number;
}

interface Held {
  token: Secret;
  refreshAt: number;
}

export class CspAuth {
  private held: Held | undefined;
  private pending: Promise<Held> | undefined;
  /** Exchanges made so far (for tests and the evidence pack). */
  exchanges = 0;

  constructor(
    private readonly transport: Transport,
    private readonly options: CspAuthOptions,
  ) {
    transport.secrets.add(options.apiToken);
  }

  /** A live access token, exchanged first when there is none or it is about to expire. */
  async token(): Promise<Secret> {
    if (this.held && this.transport.clock() < this.held.refreshAt) return this.held.token;
    this.pending ??= this.exchange().finally(() => (this.pending = undefined));
    this.held = await this.pending;
    return this.held.token;
  }

  /** Forgets the access token (after a 401), so the next call exchanges again. */
  invalidate(): void {
    this.held = undefined;
  }

  private async exchange(): Promise<Held> {
    const url = `${this.options.cspUrl.replace(/\/+$/, '')}${authorizePath}`;
    const res = await this.transport.send({
      service: 'csp',
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_token: this.options.apiToken.reveal() }).toString(),
    });
    const body = expectShape(cspTokenSchema, res.body, `CSP POST ${authorizePath}`);
    const token = new Secret(body.access_token);
    this.transport.secrets.add(token);
    this.exchanges++;
    const lifetimeMs = body.expires_in * 1000;
    const margin = Math.min(this.options.refreshMarginMs ?? 120_000, lifetimeMs / 2);
    this.transport.log(`csp access token obtained, expires in ${body.expires_in} s, refreshed ${Math.round(margin / 1000)} s before`);
    return { token, refreshAt: this.transport.clock() + lifetimeMs - margin };
  }
}
