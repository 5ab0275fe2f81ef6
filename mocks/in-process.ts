// The mock inside the test's own process: MSW's node server with every handler. Unhandled requests
// are errors, never passed through, so nothing reaches a real service by accident.
// Do not combine with dockerode in one process: MSW intercepts the Docker socket's HTTP too.
import { setupServer, type SetupServer } from 'msw/node';
import type { MockContext } from './mock-context';
import { createHandlers } from './handlers';

export interface InProcessMock {
  server: SetupServer;
  close(): void;
}

export function startInProcessMock(ctx: MockContext): InProcessMock {
  const server = setupServer(...createHandlers(ctx));
  server.listen({ onUnhandledRequest: 'error' });
  return { server, close: () => server.close() };
}
