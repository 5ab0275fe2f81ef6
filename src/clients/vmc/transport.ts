// The VMC client's HTTP core over `fetch`: sends one request, retries transient answers (429, 503,
// 504, 409) with backoff, logs one redacted line per attempt, parses JSON, and turns an error answer
// of any of the three services into a VmcApiError with the service's own code and message. The
// `fetch`, `sleep` and `clock` are injectable, so tests run retries without waiting.
import { VmcApiError, VmcClientError, type VmcService } from './errors';
import { redact, type Secret } from './redact';
import { defaultRetryPolicy, retryDelayMs, transientStatuses, type RetryPolicy } from './retry';

export interface TransportOptions {
  /** Default: the global fetch, looked up at each call (so an MSW server started later still applies). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
  /** One line per request attempt, retry and token exchange; secrets are redacted. */
  log?: (line: string) => void;
  retry?: Partial<RetryPolicy>;
}

export interface SendRequest {
  service: VmcService;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SendResult {
  status: number;
  /** The parsed JSON body; undefined for an empty body (NSX PATCH and DELETE). */
  body: unknown;
}

/** The secrets the client knows at a given moment (the API token, the access tokens it was given). */
export class SecretSet {
  private readonly items: Secret[] = [];
  add(s: Secret): void {
    this.items.push(s);
  }
  all(): readonly Secret[] {
    return this.items;
  }
}

function messageOf(
  service: VmcService,
  json: unknown,
  text: string,
): { code: string | number | undefined; message: string; related: string[] } {
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (service === 'nsx' && 'error_message' in o) {
      const related = Array.isArray(o.related_errors)
        ? o.related_errors.map((r) => String((r as Record<string, unknown>).error_message ?? '')).filter(Boolean)
        : [];
      return { code: typeof o.error_code === 'number' ? o.error_code : undefined, message: String(o.error_message), related };
    }
    if (Array.isArray(o.error_messages))
      return {
        code: typeof o.error_code === 'string' ? o.error_code : undefined,
        message: o.error_messages.map(String).join('; '),
        related: [],
      };
    if (typeof o.message === 'string')
      return { code: typeof o.errorCode === 'string' ? o.errorCode : undefined, message: o.message, related: [] };
  }
  return { code: undefined, message: text.slice(0, 300) || '(empty body)', related: [] };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class Transport {
  readonly policy: RetryPolicy;
  readonly clock: () => number;
  private readonly fetchFn: (input: string, init: RequestInit) => Promise<Response>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logFn: (line: string) => void;

  constructor(
    options: TransportOptions,
    readonly secrets: SecretSet,
  ) {
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.clock = options.clock ?? Date.now;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.logFn = options.log ?? (() => undefined);
  }

  /** Waits with the injected sleep (tests pass one that returns at once). */
  pause(ms: number): Promise<void> {
    return this.sleep(ms);
  }

  /** Logs a line after redacting every known secret. */
  log(line: string): void {
    this.logFn(this.redact(line));
  }

  redact(text: string): string {
    return redact(text, this.secrets.all());
  }

  async send(req: SendRequest): Promise<SendResult> {
    const path = new URL(req.url).pathname;
    for (let attempt = 1; ; attempt++) {
      const started = this.clock();
      let res: Response;
      try {
        res = await this.fetchFn(req.url, {
          method: req.method,
          headers: { accept: 'application/json', ...req.headers },
          ...(req.body !== undefined ? { body: req.body } : {}),
        });
      } catch (e) {
        throw new VmcClientError(
          this.redact(`${req.service.toUpperCase()} ${req.method} ${req.url}: no answer (${e instanceof Error ? e.message : String(e)})`),
        );
      }
      const text = await res.text();
      const transient = transientStatuses.has(res.status) && attempt < this.policy.maxAttempts;
      const delay = transient ? retryDelayMs(this.policy, attempt, res.headers.get('retry-after')) : 0;
      this.log(
        `${req.service} ${req.method} ${req.url} → ${res.status} (${this.clock() - started} ms)${transient ? `, retry ${attempt + 1}/${this.policy.maxAttempts} in ${delay} ms` : ''}`,
      );
      if (transient) {
        await this.sleep(delay);
        continue;
      }
      const json = parseJson(text);
      if (!res.ok) {
        const m = messageOf(req.service, json, text);
        throw new VmcApiError(
          req.service,
          req.method,
          path,
          res.status,
          m.code,
          this.redact(m.message),
          m.related.map((r) => this.redact(r)),
        );
      }
      if (text !== '' && json === undefined)
        throw new VmcClientError(
          `${req.service.toUpperCase()} ${req.method} ${path}: the ${res.status} answer is not JSON: ${this.redact(text.slice(0, 200))}`,
        );
      return { status: res.status, body: json };
    }
  }
}
