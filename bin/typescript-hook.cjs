// Loads a user's TypeScript scenario files in `vmc-reach run`'s scenario workers: `.ts` files are
// compiled to CommonJS by esbuild one at a time as they are required (no bundling), with an inline
// source map so stack traces point at the scenario; `vmc-reach` resolves to the copy of the harness the
// worker runs (one module instance, whatever the project's node_modules hold).
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

// Files `vmc-reach run` compiled ahead (every .ts under scenarios/, while the workers start).
const precompiled = new Map();

/** The options of every compile, here and ahead of time (src/cli/scenario-runner/precompile.ts). */
const transformOptions = (filename) => ({
  loader: filename.endsWith('x') ? 'tsx' : 'ts',
  format: 'cjs',
  target: 'node20',
  platform: 'node',
  sourcemap: 'inline',
  sourcefile: filename,
});

function install(api) {
  const compile = (module, filename) => {
    let code = precompiled.get(filename);
    precompiled.delete(filename);
    // esbuild's synchronous API, loaded only for a file not compiled ahead (a helper outside scenarios/).
    if (code === undefined) code = require('esbuild').transformSync(fs.readFileSync(filename, 'utf8'), transformOptions(filename)).code;
    module._compile(code, filename);
  };
  for (const ext of ['.ts', '.tsx', '.mts', '.cts']) Module._extensions[ext] = compile;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vmc-reach' ? api : resolve.call(this, request, ...rest);
  };
  process.setSourceMapsEnabled(true); // for the scenario files compiled from now on (their maps are inline and small)
}

module.exports = { install, precompiled, transformOptions };
