/** @jest-config-loader esbuild-register */
// Jest configuration: @swc/jest transforms TypeScript; type-checking is a separate `tsc --noEmit` step.
import type { Config } from 'jest';

// msw 2's dependencies that ship only as ES modules; Jest on Node 20 must transform them.
const esmOnly = ['rettime', 'until-async', '@open-draft/deferred-promise'];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/.vmc-reach/'],
  testMatch: ['**/*.test.ts', '**/*.scenario.ts'],
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', {}] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testTimeout: 30_000,
};

export default config;
