// Loads a TypeScript entry point of this repository as one esbuild bundle, built in memory.
// Bundling (rather than transpiling file by file) hoists every module into one scope, so hot calls
// across modules are plain function calls instead of export getters (about 1.4× faster in the engine).
'use strict';
const path = require('node:path');
const Module = require('node:module');

function loadBundled(entry) {
  const esbuild = require('esbuild');
  const file = path.resolve(entry);
  const result = esbuild.buildSync({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  process.setSourceMapsEnabled(true);
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(result.outputFiles[0].text, file);
  m.loaded = true;
  Module._cache[file] = m; // so that a later require() of the entry (e.g. `vmc-reach` in a scenario worker) finds this instance
  return m.exports;
}

module.exports = { loadBundled };
