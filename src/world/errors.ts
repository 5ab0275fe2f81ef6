// Typed errors raised by world operations. Each carries the code and HTTP status the real service
// sends, so the wire layer (mocks/) can render it without knowing why it happened.

export type ServiceName = 'ec2' | 'ssm' | 'nsx' | 'vmc' | 'csp';

export class WorldError extends Error {
  override readonly name = 'WorldError';
  constructor(
    readonly service: ServiceName,
    /** The service's own error code, e.g. `InvalidGroup.NotFound` or NSX `500030`. */
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export const isWorldError = (e: unknown): e is WorldError => e instanceof WorldError;

/** An EC2 error as EC2 names it (`InvalidGroup.NotFound`, `DependencyViolation`, …). */
export const ec2Error = (code: string, message: string, httpStatus = 400): WorldError => new WorldError('ec2', code, message, httpStatus);

/**
 * An NSX Policy API error. `errorCode` is NSX's numeric `error_code`.
 * Mock note: NSX's catalogue is large; the codes used here are the ones seen in public client code
 * (e.g. 500030 for "referenced by other objects"), the HTTP statuses follow the API reference.
 */
export const nsxError = (errorCode: number, message: string, httpStatus: number): WorldError =>
  new WorldError('nsx', String(errorCode), message, httpStatus);
