// Jest set-up for scenarios/*.scenario.ts on the mock target: the embedded mock around the file
// (mocks/mock-session.ts), started before its scenarios and checked for leftovers after them. An entry
// point like `vmc-reach run`'s workers: it reads the run's configuration (src/target) and passes the mock
// its options, and the harness the mock's settings, explicitly.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { loadConfig } from '../src/target/config/load-config';
import { mockWorldOptions } from '../src/target/config/mock-world';
import { supplyMockSettings } from '../src/target/target';
import { endMockSession, leftoversError, startMockSession, type MockSession } from './mock-session';

let session: MockSession | undefined;

beforeAll(async () => {
  const { config } = await loadConfig();
  if (config.target !== 'mock') return;
  session = await startMockSession(mockWorldOptions(config));
  supplyMockSettings(session.settings, session.target.transport);
}, 120_000);

afterAll(async () => {
  supplyMockSettings(undefined);
  const error = leftoversError(await endMockSession(session, expect.getState().testPath ?? 'unknown'));
  if (error) throw error;
});
