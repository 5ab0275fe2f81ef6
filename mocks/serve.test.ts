// The loopback server: a request no handler answers is a loud 501 naming it; an idle keep-alive
// connection outlives a client that was busy for a few seconds.
import { spawnSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { World } from '../src/world';
import { createMockContext } from './mock-context';
import { serveMock } from './serve';

test('an unhandled request gets 501 UnsupportedOperation naming the method and path', async () => {
  await using served = await serveMock(createMockContext(new World()));
  const res = await fetch(`${served.url}/no/such/api`, { method: 'DELETE' });
  expect(res.status).toBe(501);
  expect(await res.json()).toEqual({ error: 'UnsupportedOperation', message: 'the vmc-reach mock has no handler for DELETE /no/such/api' });
});

test('a keep-alive client whose event loop was blocked for 6 s reuses its connection and gets its answer', async () => {
  await using served = await serveMock(createMockContext(new World()));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (): Promise<{ status: number | undefined; socket: unknown }> =>
    new Promise((resolve, reject) => {
      const req = request(`${served.url}/no/such/api`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, socket: req.socket }));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const first = await get();
    spawnSync('sleep', ['6']); // the event loop blocked, as a test waiting on a child process with spawnSync
    const second = await get();
    expect({ status: second.status, sameConnection: second.socket === first.socket }).toEqual({ status: 501, sameConnection: true });
  } finally {
    agent.destroy();
  }
}, 20_000);
