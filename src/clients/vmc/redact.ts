// Secrets in the VMC client (the CSP API token, access tokens) never reach a log line or an error
// message: they are held in `Secret` (which prints as `[redacted]` however it is printed) and every
// text the client emits passes `redact()` with the secrets it knows.
import { inspect } from 'node:util';

const mask = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself: only for the one place that must send it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return mask;
  }

  toJSON(): string {
    return mask;
  }

  [inspect.custom](): string {
    return mask;
  }
}

/** `text` with every occurrence of each secret (and of its URL-encoded form) replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly (Secret | string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    const value = s instanceof Secret ? s.reveal() : s;
    if (!value || value.length < 4) continue;
    for (const form of new Set([value, encodeURIComponent(value)])) out = out.split(form).join(mask);
  }
  return out;
}
