// The mock inside the test's own process: MSW's node server with every handler. Unhandled requests
// are errors, never passed through, so nothing reaches a real service by accident. The started mock is
// AsyncDisposable: `await using mock = startInProcessMock(ctx)` stops it at scope end.
// Do not combine with dockerode in one process: MSW intercepts the Docker socket's HTTP too.
import '../src/async-dispose';
import { setupServer, type SetupServer } from 'msw/node';
import type { MockContext } from './mock-context';
import { createHandlers } from './handlers';

export interface InProcessMock extends AsyncDisposable {
  server: SetupServer;
  close(): void;
}

export function startInProcessMock(ctx: MockContext): InProcessMock {
  const server = setupServer(...createHandlers(ctx));
  server.listen({ onUnhandledRequest: 'error' });
  const close = (): void => server.close();
  return { server, close, [Symbol.asyncDispose]: async () => close() };
}
