// Test helper (test code only): runs a describe block only where the namespace lab can start. Locally
// without root or the tools the block is skipped with a message saying what is missing; in CI (`CI`
// set) it fails instead, so a machine that cannot run the lab never passes silently.
import { describeMissing, labAvailability } from './lab-preflight';

export const labEnv = labAvailability();

export function describeLab(name: string, body: () => void): void {
  if (labEnv.ok) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      test('the lab can start on this machine', () => {
        throw new Error(describeMissing(labEnv));
      });
    });
    return;
  }
  console.warn(`[lab] skipping "${name}": ${describeMissing(labEnv)}`);
  describe.skip(name, body);
}
