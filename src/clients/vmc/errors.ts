// The VMC client's errors. `VmcApiError`: a service answered with an error (status, the service's own
// code: NSX `error_code`, VMC `error_code`, CSP `errorCode`, and its message). `VmcClientError`: the
// client refused or could not understand (a whole-policy write, a response of an unexpected shape, an
// SDDC that is not ready). Neither carries a token: messages are redacted before they are built.

export type VmcService = 'csp' | 'vmc' | 'nsx';

export class VmcApiError extends Error {
  override readonly name = 'VmcApiError';
  constructor(
    readonly service: VmcService,
    readonly method: string,
    /** The URL's path (no origin, no query). */
    readonly path: string,
    readonly status: number,
    /** NSX `error_code` (number), VMC `error_code` or CSP `errorCode` (string), when the body had one. */
    readonly code: string | number | undefined,
    /** The service's own message. */
    readonly serviceMessage: string,
    /** NSX `related_errors` messages, when any. */
    readonly related: readonly string[] = [],
  ) {
    super(
      `${service.toUpperCase()} ${method} ${path} failed: ${status}${code !== undefined ? ` [${code}]` : ''} ${serviceMessage}${related.length ? ` (related: ${related.join('; ')})` : ''}`,
    );
  }
}

export class VmcClientError extends Error {
  override readonly name = 'VmcClientError';
}

export const isVmcApiError = (e: unknown): e is VmcApiError => e instanceof VmcApiError;

/** True for NSX's "cannot be deleted as … it is being referenced by other objects" (500030). */
export const isReferencedError = (e: unknown): boolean => isVmcApiError(e) && e.service === 'nsx' && e.code === 500030;
