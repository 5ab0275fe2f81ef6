// The one MSW set-up for tests (test code only): the mock in-process for a test file, one MSW node server
// listening from before the first test to after the last. Unhandled requests are errors, so nothing
// reaches a real service. `use(ctx)` makes the handlers answer from that mock context (a test's own
// world, faults and clock) until the next `use`. (Production's in-process mock is ../in-process.ts.)
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { MockContext } from '../mock-context';
import { createHandlers } from '../handlers';

/** Registers the file's server; `handlersOf` picks the services (every mocked service by default). */
export function useMockServer(handlersOf: (ctx: MockContext) => RequestHandler[] = createHandlers): (ctx: MockContext) => void {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  return (ctx) => server.resetHandlers(...handlersOf(ctx));
}
