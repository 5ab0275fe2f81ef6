// One doctor check's result and its one-line rendering: ✓ what was found, ✗ what is wrong and how to fix
// it, or – skipped because a check it needs failed. Also how a DryRun answer reads as a permission.
export interface CheckResult {
  name: string;
  status: 'pass' | 'fail' | 'skip';
  detail: string;
  fix?: string;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, status: 'pass', detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, status: 'fail', detail, fix });
export const skip = (name: string, needs: string): CheckResult => ({ name, status: 'skip', detail: `skipped: needs ${needs}` });

const mark = { pass: '✓', fail: '✗', skip: '–' } as const;

export function renderCheck(c: CheckResult): string {
  return `${mark[c.status]} ${c.name}: ${c.detail}${c.fix ? ` — fix: ${c.fix}` : ''}`;
}

export const errorName = (e: unknown): string => (e as { name?: string; Code?: string }).name ?? (e as { Code?: string }).Code ?? 'Error';
/** An error in one line, without the SDK's encoded authorization blob. */
export const errorText = (e: unknown): string =>
  `${errorName(e)}: ${
    String((e as Error).message ?? e)
      .replace(/Encoded authorization failure message: \S+/, '(encoded authorization message omitted)')
      .split('\n')[0]
  }`;

/**
 * A DryRun call's answer as a permission check: EC2 answers `DryRunOperation` when the call would have
 * been allowed and `UnauthorizedOperation` when the identity lacks a permission; anything else is a
 * problem with the request (a missing image, subnet, profile) and is reported as it came.
 */
export async function dryRunCheck(name: string, call: () => Promise<unknown>, fixWhenDenied: string): Promise<CheckResult> {
  try {
    await call();
    return fail(name, 'the DryRun call was carried out instead of answering DryRunOperation', 'report this: the endpoint ignored DryRun');
  } catch (e) {
    if (errorName(e) === 'DryRunOperation') return pass(name, 'allowed (DryRun answered DryRunOperation)');
    if (errorName(e) === 'UnauthorizedOperation') return fail(name, 'not allowed (DryRun answered UnauthorizedOperation)', fixWhenDenied);
    return fail(name, errorText(e), 'fix the request parameter the error names (see the checks above), then run doctor again');
  }
}
