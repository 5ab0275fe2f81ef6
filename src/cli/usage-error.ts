// Errors that are the user's to fix (bad flag, bad folder, unknown ref): printed without a stack, exit 2.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const exitCodes = { ok: 0, expectationFailed: 1, usage: 2, internal: 70 } as const;
