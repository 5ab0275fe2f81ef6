// Lint configuration. Besides the usual TypeScript rules it enforces the layer arrows of design §1:
// src/world and src/network import no msw, no AWS SDK, no jest, and nothing from the outer layers;
// mocks/ may import src/world, never the reverse; src/lab (the data plane) imports src/world and src/network
// only, never mocks/ or msw (Docker and MSW must not share a process, design §6).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outerLayers = ['**/mocks/**', '**/harness/**', '**/clients/**', '**/lab/**', '**/report/**', '**/cli/**', '**/scenarios/**'];
const thirdPartyForbiddenInCore = ['msw', 'msw/*', '@aws-sdk/*', '@smithy/*', 'jest', '@jest/*', 'testcontainers', 'dockerode', 'zx'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', '.vmc-reach/**', 'out/**', 'bin/**', 'dist/**', 'dist.*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The package's CommonJS files loaded by jest (jest-preset.js, jest-transform.js).
    files: ['*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/world/**/*.ts', 'src/network/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [...thirdPartyForbiddenInCore, ...outerLayers],
      'src/world and src/network are the pure core (design §1): no msw, AWS SDK, jest, or outer layers.',
    ),
  },
  {
    files: ['src/world/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [...thirdPartyForbiddenInCore, ...outerLayers, '**/network/**', '**/snapshot/**', '**/shapes/**'],
      'src/world is the state layer (design §1): it imports nothing from other layers.',
    ),
  },
  {
    // src/shapes: the services' wire shapes and world ⇄ JSON conversions (design §1), used by mocks/,
    // src/snapshot and src/clients; it imports src/world, zod and ipaddr.js only.
    files: ['src/shapes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|ipaddr\\.js$|\\.\\.?/|(\\.\\./)+world(/|$)).*',
              message: 'src/shapes imports src/world, zod and ipaddr.js only (design §1).',
            },
            // Both forms: `../network` (a folder's index) as well as `../network/x`.
            { group: [...outerLayers, '**/network/**', '**/snapshot/**'].flatMap((l) => [l, l.slice(0, -3)]), message: 'src/shapes imports src/world, zod and ipaddr.js only (design §1).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/world/**/*.test.ts', 'src/network/**/*.test.ts'],
    rules: restrict(['msw', 'msw/*', '@aws-sdk/*', ...outerLayers], 'core tests stay off the wire layers (design §1).'),
  },
  {
    files: ['src/harness/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['msw', 'msw/*', '**/mocks/**', '**/lab/**', '**/cli/**', '**/scenarios/**'], 'src/harness talks to the services through src/clients only (design §1); the mock target is started by its caller.'),
  },
  {
    // src/target: what a run is pointed at (configuration, target resolution, discovery, the ledger,
    // waiting, results); the harness and src/ops both build on it, so it imports neither.
    files: ['src/target/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['msw', 'msw/*', 'jest', '@jest/*', ...outerLayers.filter((l) => l !== '**/clients/**'), '**/ops/**', '**/reliability/**'],
      'src/target builds on src/clients, src/snapshot, src/network and src/world only; the harness and src/ops import it, never the reverse.',
    ),
  },
  {
    files: ['src/lab/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['msw', 'msw/*', '@aws-sdk/*', '@smithy/*', 'jest', '@jest/*', ...outerLayers.filter((l) => l !== '**/lab/**'), '**/snapshot/**'],
      'src/lab is the data plane (design §1, §6): it imports src/world and src/network only; never mocks/, msw or the AWS SDK.',
    ),
  },
  {
    files: ['src/lab/**/*.test.ts'],
    rules: restrict(['msw', 'msw/*', '@aws-sdk/*', '**/mocks/**', '**/clients/**'], 'lab tests stay off the wire layers: Docker and MSW never share a process (design §6).'),
  },
  {
    files: ['src/ops/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-*.ts'],
    rules: restrict(['msw', 'msw/*', '**/mocks/**', '**/lab/**', '**/cli/**', '**/scenarios/**'], 'src/ops talks to the services through src/clients only, like the harness (design §1).'),
  },
  {
    files: ['src/report/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['msw', 'msw/*', '@aws-sdk/*', '**/mocks/**', '**/lab/**', '**/cli/**', '**/scenarios/**', '**/clients/**'], 'src/report renders results; it calls no service (design §1).'),
  },
  {
    files: ['src/snapshot/**/*.ts'],
    rules: restrict([...thirdPartyForbiddenInCore, ...outerLayers, '**/network/**'], 'snapshots convert between files and src/world only.'),
  },
  {
    // Test support (the `test-support/` folders: test-world builders, the MSW set-up, the world dump,
    // test data) is for tests only: shipped code and scenarios never import it. scripts/make-article-fixtures.ts
    // (writes fixtures/snapshots from the article's worlds) and bench/ (builds the worlds it times) are dev
    // tools and may. A separate rule id from the layer rules' no-restricted-imports, so neither overrides the other.
    files: ['src/**/*.ts', 'mocks/**/*.ts', 'scenarios/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**', 'scripts/make-article-fixtures.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test-support', '**/test-support/**'], message: 'test-support modules are for tests only; production code must not import them.' }] },
      ],
    },
  },
);
