// Jest set-up for scenarios/*.scenario.ts on the mock target: the embedded mock around the file
// (mocks/mock-session.ts), started before its scenarios and checked for leftovers after them.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { endMockSession, leftoversError, startMockSession, type MockSession } from './mock-session';

let session: MockSession | undefined;

beforeAll(async () => {
  session = await startMockSession();
}, 120_000);

afterAll(async () => {
  const error = leftoversError(await endMockSession(session, expect.getState().testPath ?? 'unknown'));
  if (error) throw error;
});
