#!/usr/bin/env node
// Runs one TypeScript file of this repository (benchmarks, scripts) the way the CLI runs: as an
// in-memory esbuild bundle. Usage: node bin/run-ts.cjs <file.ts> [args…]
'use strict';
const { loadBundled } = require('./load-bundled.cjs');

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bin/run-ts.cjs <file.ts> [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0], file, ...rest];
loadBundled(file);
