// The jest preset of vmc-reach: a user's jest.config is one line, `module.exports = { preset: 'vmc-reach' };`.
// Runs scenarios/**/*.scenario.ts with the embedded mock (or the live target) set up around each file,
// TypeScript compiled by esbuild (jest-transform.js), and msw's ES-module-only dependencies transformed.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** A module of the package: compiled (dist/) when built, else the TypeScript source (a checkout). */
const own = (path) =>
  existsSync(join(__dirname, 'dist', `${path}.js`)) ? join(__dirname, 'dist', `${path}.js`) : join(__dirname, `${path}.ts`);
const esmOnly = ['rettime', 'until-async', '@open-draft/deferred-promise'];

module.exports = {
  testEnvironment: own('src/harness/jest/scenario-environment'),
  testMatch: ['<rootDir>/scenarios/**/*.scenario.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.vmc-reach/'],
  setupFilesAfterEnv: [own('mocks/scenario-setup')],
  transform: { '^.+\\.(t|j|mj)sx?$': join(__dirname, 'jest-transform.js') },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  testTimeout: 30_000,
};
