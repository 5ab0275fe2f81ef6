// The mock on a loopback port, for other processes and clients (the AWS CLI, boto3, a second harness):
// each HTTP request becomes a Fetch Request and is answered by the same MSW handlers as in-process.
// A request no handler takes gets a loud 501 naming the method and path, never an empty 200.
// The served mock is AsyncDisposable: `await using served = await serveMock(ctx)` closes it at scope end.
import '../src/async-dispose';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getResponse } from 'msw';
import type { MockContext } from './mock-context';
import { createHandlers } from './handlers';

export interface ServedMock extends AsyncDisposable {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops listening (once; a second call, or disposal after it, waits for the same close). */
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, signal, ...(body ? { body } : {}) });
}

export async function serveMock(ctx: MockContext, options: { port?: number } = {}): Promise<ServedMock> {
  const handlers = createHandlers(ctx);
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      // A client that closes the connection before the answer (its timeout fired) aborts the request.
      const gone = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      try {
        const request = await toRequest(req, origin, gone.signal);
        const response = await getResponse(handlers, request);
        if (!response) {
          res.writeHead(501, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ error: 'UnsupportedOperation', message: `the vmc-reach mock has no handler for ${req.method} ${req.url}` }),
          );
          return;
        }
        if (gone.signal.aborted) return;
        const headers: Record<string, string> = {};
        response.headers.forEach((v, k) => (headers[k] = v));
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'MockInternalError', message: e instanceof Error ? e.message : String(e) }));
      }
    })();
  });
  // Idle keep-alive connections stay open for 65 s, about as long as AWS's endpoints keep them (node's
  // default is 5 s). With 5 s, a client whose event loop was busy for longer (a test waiting on a child
  // process with spawnSync, a loaded machine) could send its next request on a socket the server had
  // just closed: "socket hang up". close() still ends idle connections at once.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))));
  return { url: origin, port, close, [Symbol.asyncDispose]: close };
}
