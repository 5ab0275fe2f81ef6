#!/usr/bin/env node
// Entry point of the `vmc-reach` command: bundles the TypeScript sources in memory, then runs the CLI.
'use strict';
const path = require('node:path');
const { loadBundled } = require('./load-bundled.cjs');

// The AWS SDK is pinned to a release that supports Node 20 (see README); its Node 22 reminder is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

loadBundled(path.join(__dirname, '..', 'src', 'cli', 'main.ts'))
  .main(process.argv.slice(2))
  .then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`vmc-reach: internal error (please report it): ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 70;
    },
  );
