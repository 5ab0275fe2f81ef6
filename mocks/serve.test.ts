// The loopback server: a request no handler answers is a loud 501 naming it.
import { World } from '../src/world';
import { createMockContext } from './mock-context';
import { serveMock } from './serve';

test('an unhandled request gets 501 UnsupportedOperation naming the method and path', async () => {
  await using served = await serveMock(createMockContext(new World()));
  const res = await fetch(`${served.url}/no/such/api`, { method: 'DELETE' });
  expect(res.status).toBe(501);
  expect(await res.json()).toEqual({ error: 'UnsupportedOperation', message: 'the vmc-reach mock has no handler for DELETE /no/such/api' });
});
