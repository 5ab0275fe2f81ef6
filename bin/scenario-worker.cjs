// Entry of a scenario worker thread of `vmc-reach run` (src/cli/scenario-runner): loads the harness
// once, compiled (dist/scenario-worker.js, from `npm run build`) or, in a development checkout, bundled
// from the sources in memory, makes `vmc-reach` and TypeScript scenario files resolve through it
// (typescript-hook.cjs), and hands over to the worker's loop.
'use strict';
const path = require('node:path');
const { workerData } = require('node:worker_threads');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = path.join(__dirname, '..');
let entry;
let harness;
if (workerData && workerData.built) {
  // Without the bundle's source map (parsing it costs more than loading the harness): its stack traces
  // name the functions, and the bundle marks each source file. VMC_REACH_SOURCE_MAPS=1 maps them too.
  entry = path.join(root, 'dist', 'scenario-worker.js');
  harness = require('./code-cache.cjs').requireCached(entry);
} else {
  entry = path.join(root, 'src', 'cli', 'scenario-runner', 'worker.ts');
  harness = require('./load-bundled.cjs').loadBundled(entry);
}
const hook = require('./typescript-hook.cjs');
hook.install(entry);
harness.workerMain(
  (file) => require(file),
  (compiled) => {
    for (const [file, code] of Object.entries(compiled)) hook.precompiled.set(file, code);
  },
);
