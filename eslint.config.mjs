// Lint configuration. Besides the usual TypeScript rules it enforces the layer arrows of design §1: every
// folder of the code is a layer in the table below, with the layers it may import; an import of any other
// layer is an error naming the rule and the design section. Tests (*.test.ts) and test support (test-support/ folders, test-*.ts,
// mocks/aws/conformance/) have a wider list: they may set up the mock they test against and read fixtures,
// but the core's tests (src/world, src/network, src/shapes, src/snapshot) and the lab's stay off the wire.
// A folder that tsc compiles and the table does not name fails the lint (a new layer needs its rule).
// Import cycles, type-only imports included, are checked by dpdm in `npm run lint` (eslint's import
// plugins skip type-only imports).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const root = import.meta.dirname;

// Third-party packages a layer must not use.
const wire = ['msw', 'msw/*', '@aws-sdk/*', '@smithy/*'];
const jest = ['jest', '@jest/*'];
const core = [...wire, ...jest, 'testcontainers', 'dockerode', 'zx'];

// The layers below the entry points (src/cli, src/reliability, scripts/, bench/), which may use any of them.
const library = [
  'src/world',
  'src/shapes',
  'src/network',
  'src/snapshot',
  'src/package',
  'src/lab',
  'src/clients',
  'src/target',
  'src/report',
  'src/harness',
  'src/ops',
];

/**
 * Each layer: what it is, the layers its code may import (`imports`), what its tests and test support may
 * import besides (`tests`; fixtures/ always), the packages its code must not use (`banned`) and those its
 * tests must not use (`testBanned`), and the design sections the rule comes from (`design`).
 */
const layers = {
  'src/world': { what: 'the state layer', imports: [], tests: [], banned: core, testBanned: wire, design: '§1' },
  'src/shapes': { what: "the services' wire shapes", imports: ['src/world'], tests: [], banned: core, testBanned: wire, design: '§1' },
  'src/network': {
    what: 'the pure verdicts',
    imports: ['src/world'],
    tests: ['src/shapes', 'src/snapshot'],
    banned: core,
    testBanned: wire,
    design: '§1, §2',
  },
  'src/snapshot': {
    what: 'snapshot folders ⇄ worlds',
    imports: ['src/shapes', 'src/world'],
    tests: ['src/network'],
    banned: core,
    testBanned: wire,
    design: '§1, §8',
  },
  'src/package': { what: "where the package's own files are", imports: [], tests: [], banned: core, testBanned: wire, design: '§1' },
  'src/lab': {
    what: 'the real data plane',
    imports: ['src/world', 'src/network'],
    tests: ['src/shapes', 'src/snapshot'],
    banned: [...wire, ...jest],
    testBanned: wire,
    design: '§1, §6: Docker and MSW never share a process',
  },
  'src/clients': {
    what: 'the AWS SDK factory and the VMC/NSX/CSP client',
    imports: ['src/shapes'],
    tests: ['src/world', 'src/network', 'src/snapshot', 'mocks'],
    banned: ['msw', 'msw/*', ...jest, 'testcontainers'],
    testBanned: [],
    design: '§1: clients reach the live APIs or mocks/ over HTTP',
  },
  mocks: {
    what: 'the wire layer',
    imports: ['src/world', 'src/shapes', 'src/network', 'src/lab', 'src/package'],
    // src/ops for its moto_server starter (src/ops/live-moto/moto-server.ts), which the AWS CLI conformance test compares against.
    tests: ['src/snapshot', 'src/clients', 'src/reliability', 'src/ops'],
    banned: ['@aws-sdk/*', '@smithy/*', ...jest],
    testBanned: [],
    design: '§1, §3: the harness reaches mocks/ only over HTTP',
  },
  'src/target': {
    what: 'what a run is pointed at: configuration, target, discovery, ledger, results',
    imports: ['src/clients', 'src/snapshot', 'src/shapes', 'src/network', 'src/world', 'src/package'],
    tests: ['mocks'],
    banned: ['msw', 'msw/*', ...jest],
    testBanned: [],
    design: '§1, §4',
  },
  'src/report': {
    what: 'the renderings of results; it calls no service',
    imports: ['src/target', 'src/snapshot', 'src/shapes', 'src/network', 'src/world'],
    tests: [],
    banned: wire,
    testBanned: [],
    design: '§1, §7',
  },
  'src/harness': {
    what: 'the DSL, provisioning, probes and expectations',
    imports: ['src/target', 'src/report', 'src/clients', 'src/snapshot', 'src/shapes', 'src/network', 'src/world'],
    tests: ['mocks'],
    banned: ['msw', 'msw/*'],
    testBanned: [],
    design: '§1: scenarios → harness → clients; the mock is started by its caller',
  },
  'src/ops': {
    what: 'doctor, reap, collect and nightly',
    imports: ['src/target', 'src/clients', 'src/snapshot', 'src/shapes', 'src/network', 'src/world', 'src/package'],
    tests: ['mocks'],
    banned: ['msw', 'msw/*'],
    testBanned: [],
    design: '§1, §4: through src/clients, like the harness',
  },
  'src/cli': {
    what: 'the vmc-reach command, which puts the layers together',
    imports: [...library, 'mocks'],
    tests: [],
    banned: [],
    testBanned: [],
    design: '§1',
  },
  'src/reliability': {
    what: 'the reliability figures, run like the command',
    imports: [...library, 'src/cli', 'mocks'],
    tests: [],
    banned: [],
    testBanned: [],
    design: '§1',
  },
  scripts: {
    what: 'the zx entry points',
    imports: [...library, 'src/cli', 'src/reliability', 'mocks'],
    tests: [],
    banned: [],
    testBanned: [],
    design: '§1, §7',
  },
  bench: {
    what: 'the benchmarks',
    imports: [...library, 'src/cli', 'src/reliability', 'mocks'],
    tests: [],
    banned: [],
    testBanned: [],
    design: '§1',
  },
};
const allLayers = [...Object.keys(layers), 'scenarios', 'fixtures'];

// Every folder tsc compiles (tsconfig `include`, and each folder of src/) must be in the table.
const compiled = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).include.filter((p) => !p.includes('.'));
const srcFolders = readdirSync(join(root, 'src'), { withFileTypes: true }).filter(
  (d) => d.isDirectory() && readdirSync(join(root, 'src', d.name)).length > 0,
);
const folders = [...compiled.filter((f) => f !== 'src'), ...srcFolders.map((d) => `src/${d.name}`)];
const missing = folders.filter((f) => !allLayers.includes(f));
if (missing.length > 0)
  throw new Error(`eslint.config.mjs: no import rule for ${missing.join(', ')}: add the layer to the table (design §1)`);

/** A relative specifier into one of `dirs`, from any depth (`../world`, `../../src/world/x`, `./harness/y`). */
const into = (dirs) => `^(?:\\.{1,2}/)+(?:src/)?(?:${dirs.map((d) => d.replace(/^src\//, '')).join('|')})(?:/|$)`;
const list = (dirs) => (dirs.length === 0 ? 'no other layer' : `only ${dirs.join(', ')}`);

/**
 * The rules of one layer's files: no import of a layer but `self` and `allowed` (static, `import()` and
 * `import('…')` types), none of the `banned` packages, and not the public API's own name.
 */
function restrict(self, allowed, banned, what) {
  const others = allLayers.filter((l) => l !== self && !allowed.includes(l));
  const message = `${what.who} may import ${list(allowed)} (design ${what.design}).`;
  const patterns = [{ regex: into(others), message }];
  if (banned.length > 0)
    patterns.push({ group: banned, message: `${what.who} may use none of ${banned.join(', ')} (design ${what.design}).` });
  if (self !== 'scenarios')
    patterns.push({
      group: ['vmc-reach'],
      message: "inside the package import the module itself; only scenarios/ use the public API 'vmc-reach' (design §1).",
    });
  // esquery's regular expressions cannot hold a slash: \x2F stands for it.
  const re = `/${into(others).replaceAll('/', '\\x2F')}/`;
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=${re}], TSImportType[argument.literal.value=${re}]`, message },
    ],
  };
}

const testFiles = ['**/*.test.ts', '**/test-*.ts', '**/test-support/**/*.ts', 'mocks/aws/conformance/**/*.ts'];
const testsOf = (dir) =>
  testFiles.filter((g) => g.startsWith('**') || g.startsWith(`${dir}/`)).map((g) => (g.startsWith('**') ? `${dir}/${g}` : g));

const layerRules = Object.entries(layers).flatMap(([dir, l]) => [
  {
    files: [`${dir}/**/*.ts`],
    ignores: testFiles,
    rules: restrict(dir, l.imports, l.banned, { who: `${dir} (${l.what})`, design: l.design }),
  },
  {
    files: testsOf(dir),
    rules: restrict(dir, [...l.imports, ...l.tests, 'fixtures'], l.testBanned, { who: `the tests in ${dir}`, design: l.design }),
  },
]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', '.vmc-reach/**', 'out/**', 'bin/**', 'dist/**', 'dist.*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The CommonJS files loaded by jest: the package's jest-preset.js and jest-transform.js, and this
    // repository's jest-sequencer.cjs.
    files: ['*.js', '*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
  {
    // src/shapes: on top of its layer rule, only zod and ipaddr.js of the packages (design §1).
    files: ['src/shapes/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|ipaddr\\.js$|\\.\\.?/).*', message: 'src/shapes imports src/world, zod and ipaddr.js only (design §1).' },
            {
              regex: into(allLayers.filter((l) => l !== 'src/shapes' && l !== 'src/world')),
              message: 'src/shapes imports src/world, zod and ipaddr.js only (design §1).',
            },
          ],
        },
      ],
    },
  },
  {
    // The mock as a run's target: a world loaded from a snapshot folder, served, and compared with its
    // files before the run (leftovers); the handlers themselves read no snapshot (design §1, §3). It names
    // src/target's MockTransport, the type of the in-process transports it hands to the run's clients.
    files: ['mocks/mock-target.ts', 'mocks/mock-session.ts', 'mocks/leftovers.ts'],
    rules: restrict('mocks', [...layers.mocks.imports, 'src/snapshot', 'src/target'], layers.mocks.banned, {
      who: 'the mock target (mocks/mock-target.ts, mock-session.ts, leftovers.ts)',
      design: '§1, §3',
    }),
  },
  {
    // The embedded mock's in-process AWS transport: it implements the SDK's request handler interface
    // (@smithy/types, src/clients' InProcessHandler; types only), so a mock run's clients reach the mock
    // without a socket; it still speaks the wire format (design §3).
    files: ['mocks/aws/in-process-handler.ts'],
    rules: restrict('mocks', [...layers.mocks.imports, 'src/clients'], ['@aws-sdk/*', ...jest], {
      who: "the mock's in-process AWS transport (mocks/aws/in-process-handler.ts)",
      design: '§1, §3',
    }),
  },
  {
    // jest's set-up file for scenarios: an entry point like run's workers (src/cli/scenario-runner), it
    // reads the run's configuration (src/target), starts the mock with those options and hands the mock's
    // settings to src/target explicitly.
    files: ['mocks/scenario-setup.ts'],
    rules: restrict('mocks', [...layers.mocks.imports, 'src/snapshot', 'src/target'], ['@aws-sdk/*', '@smithy/*'], {
      who: "mocks/scenario-setup.ts (jest's set-up, an entry point)",
      design: '§1, §3',
    }),
  },
  {
    // The public API: the DSL and its types (design §1: scenarios → harness).
    files: ['src/index.ts'],
    rules: restrict('src/index.ts', ['src/harness', 'src/target', 'src/network'], [], {
      who: 'src/index.ts (the public API: the DSL and its types)',
      design: '§1',
    }),
  },
  {
    // Scenarios are written as a user writes them: against the public API only (design §1: scenarios → harness).
    files: ['scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', message: "scenarios import the public API ('vmc-reach') and each other only (design §1)." }] },
      ],
    },
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
        {
          patterns: [
            {
              group: ['**/test-support', '**/test-support/**'],
              message: 'test-support modules are for tests only; production code must not import them.',
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (npm run format; checked by npm run lint): no ESLint rule may disagree with it.
  prettier,
);
