// An authenticated VMC/NSX call: the access token in the `csp-auth-token` header, JSON bodies, the
// response checked against a schema. A 401 makes the session exchange the API token again and retry
// once; a second 401 is thrown. A write to a whole gateway policy is refused before it is sent: it
// would replace every rule of the policy (the Default Uplink Rule and other users' rules too); so is a
// PUT of a DFW security policy, or a PATCH carrying its `rules`.
import type { z } from 'zod';
import type { CspAuth } from './csp-auth';
import { VmcApiError, VmcClientError, type VmcService } from './errors';
import { expectShape } from './schemas';
import type { Transport } from './transport';

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
}

const wholePolicy = /\/gateway-policies\/[^/]+\/?$/;
const securityPolicy = /\/security-policies\/[^/]+\/?$/;

export class Session {
  constructor(
    readonly transport: Transport,
    readonly auth: CspAuth,
  ) {}

  /** Sends one call; returns the parsed body (undefined when empty). */
  async call(service: VmcService, method: string, url: string, options: CallOptions = {}): Promise<unknown> {
    if (method !== 'GET' && wholePolicy.test(new URL(url).pathname)) {
      throw new VmcClientError(
        `refusing ${method} ${new URL(url).pathname}: a write of a whole gateway policy replaces all its rules; write single rules under …/rules/{id}`,
      );
    }
    const body = options.body as { rules?: unknown } | undefined;
    if (method !== 'GET' && securityPolicy.test(new URL(url).pathname) && (method === 'PUT' || body?.rules !== undefined)) {
      throw new VmcClientError(
        `refusing ${method} ${new URL(url).pathname} with its rules: a write of a whole security policy replaces all its rules; write single rules under …/rules/{id}`,
      );
    }
    const full = new URL(url);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) full.searchParams.set(k, String(v));
    const send = async (): Promise<unknown> => {
      const token = await this.auth.token();
      const res = await this.transport.send({
        service,
        method,
        url: full.toString(),
        headers: { 'csp-auth-token': token.reveal(), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      return res.body;
    };
    try {
      return await send();
    } catch (e) {
      if (!(e instanceof VmcApiError) || e.status !== 401) throw e;
      this.transport.log(`${service} ${method} ${full.pathname} → 401: exchanging the API token again and retrying once`);
      this.auth.invalidate();
      return await send();
    }
  }

  /** A GET whose body must match `schema`. */
  async get<T extends z.ZodType>(service: VmcService, url: string, schema: T, query?: CallOptions['query']): Promise<z.output<T>> {
    const body = await this.call(service, 'GET', url, query ? { query } : {});
    return expectShape(schema, body, `${service.toUpperCase()} GET ${new URL(url).pathname}`);
  }
}
