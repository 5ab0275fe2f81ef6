// Jest transformer of the vmc-reach preset: TypeScript and ES modules to CommonJS with esbuild (a
// dependency already), one file at a time, with a source map so stack traces point at the scenario.
'use strict';
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

module.exports = {
  process(source, filename) {
    const r = transformSync(source, {
      loader: /\.tsx?$/.test(filename) ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcemap: true,
      sourcefile: filename,
    });
    return { code: r.code, map: r.map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(`vmc-reach-esbuild-${version}\0${filename}\0`).update(source).digest('hex');
  },
};
