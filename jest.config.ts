/** @jest-config-loader esbuild-register */
// Jest configuration: @swc/jest transforms TypeScript; type-checking is a separate `tsc --noEmit` step.
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/.vmc-reach/'],
  testMatch: ['**/*.test.ts', '**/*.scenario.ts'],
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', {}] },
  testTimeout: 30_000,
};

export default config;
