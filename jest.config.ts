/** @jest-config-loader esbuild-register */
// Jest configuration: @swc/jest transforms TypeScript; type-checking is a separate `tsc --noEmit` step.
import { availableParallelism } from 'node:os';
import type { Config } from 'jest';

// The AWS SDK is pinned to a release that supports Node 20; its reminder about Node 22 is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// msw 2's dependencies that ship only as ES modules; Jest on Node 20 must transform them.
const esmOnly = ['rettime', 'until-async', '@open-draft/deferred-promise'];

const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/.vmc-reach/'],
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', {}] as [string, Record<string, unknown>] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // Scenarios import the public API as a user does (`from 'vmc-reach'`); here it is the sources.
  moduleNameMapper: { '^vmc-reach$': '<rootDir>/src/index.ts' },
};

// Two projects: the unit tests, and the scenarios (the product's main job), which run against the
// embedded mock unless VMC_REACH_TARGET=live.
const config: Config = {
  testTimeout: 30_000,
  // Jest's default (cores - 1) is one worker on a 2-core machine, which runs the files one at a time in
  // jest's own process; most heavy suites wait on child processes, packets and Docker, so two workers
  // overlap those waits. At least two, one fewer than the cores on bigger machines.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // The longest suites first on a machine with no timing cache yet (CI's clean clone): jest-sequencer.cjs.
  testSequencer: '<rootDir>/jest-sequencer.cjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.test.ts'] },
    {
      ...common,
      displayName: 'scenarios',
      testMatch: ['<rootDir>/scenarios/**/*.scenario.ts'],
      setupFilesAfterEnv: ['<rootDir>/mocks/scenario-setup.ts'],
      testEnvironment: '<rootDir>/src/harness/jest/scenario-environment.ts',
    },
  ],
};

export default config;
