#!/usr/bin/env node
// Runs one TypeScript file of this repository (bench and scripts) through esbuild-register.
'use strict';
require('esbuild-register/dist/node').register({ target: 'node20', hookIgnoreNodeModules: true });
const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], file, ...rest];
require(require('node:path').resolve(file));
