#!/usr/bin/env node
// Entry point of the `vmc-reach` command: registers esbuild to load the TypeScript sources, then runs the CLI.
'use strict';
require('esbuild-register/dist/node').register({ target: 'node20', hookIgnoreNodeModules: true });
require('../src/cli/main.ts').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`vmc-reach: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 70; },
);
