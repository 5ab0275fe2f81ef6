// The example configuration in the repository stays valid.
import { join } from 'node:path';
import { loadConfig } from './load-config';

test('vmc-reach.config.example.json loads', async () => {
  const root = join(__dirname, '..', '..', '..');
  const { config } = await loadConfig({ cwd: root, file: 'vmc-reach.config.example.json', env: {} });
  expect(config.live.vm?.name).toBe('CJ-VM01');
});
