#!/usr/bin/env node
// Entry point of the `vmc-reach` command: runs the compiled CLI (dist/, from `npm run build`). In a
// development checkout without dist/, or with sources newer than the last build, it bundles the
// TypeScript sources in memory instead (bin/load-bundled.cjs), so the sources stay runnable.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// The AWS SDK is pinned to a release that supports Node 20 (see README); its Node 22 reminder is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'cli.js'); // the CLI as one bundle (scripts/build.ts)

/** Newest modification time under `dir` (ms), or 0. */
function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return max;
}

function useBuilt() {
  if (process.env.VMC_REACH_FROM_SOURCES === '1') return false;
  let stamp;
  try {
    stamp = fs.statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return false;
  }
  // An installed package has no sources; a checkout uses dist/ only while it is as new as src/ and mocks/
  // (VMC_REACH_FROM_DIST=1 skips that check, e.g. for the benchmark, to start as an installed package does).
  if (process.env.VMC_REACH_FROM_DIST === '1') return true;
  // (An installed package ships no TypeScript sources, only data files such as src/report/json-summary.schema.json.)
  return (
    !fs.existsSync(path.join(root, 'src', 'cli', 'main.ts')) ||
    Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'mocks'))) <= stamp
  );
}

let cli;
if (useBuilt()) {
  // The bundle is not minified, so its stack traces name the functions; mapping them to the TypeScript
  // sources (VMC_REACH_SOURCE_MAPS=1) costs ~50 MiB and a tenth of a second at every start.
  process.env.VMC_REACH_BUILT = '1'; // `run`'s scenario workers then load the compiled harness too (bin/scenario-worker.cjs)
  cli = require('./code-cache.cjs').requireCached(built);
} else {
  delete process.env.VMC_REACH_BUILT;
  cli = require('./load-bundled.cjs').loadBundled(path.join(root, 'src', 'cli', 'main.ts'));
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`vmc-reach: internal error (please report it): ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
