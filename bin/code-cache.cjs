// Loads one of the package's large CommonJS bundles (dist/cli.js, dist/scenario-worker.js) with V8's
// code cache, as `require` would but without compiling it again at every start: the first start writes
// the compiled code (with the functions that run used) to <tmp>/vmc-reach-code-cache/, keyed by the
// bundle's path, size and time and by the Node version; later starts use it (V8 checks that it fits and
// compiles afresh when not). Writing a cache removes the older ones of the same bundle and any not used
// for 30 days. With VMC_REACH_SOURCE_MAPS=1 it is a plain require, source maps on.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { threadId } = require('node:worker_threads');

function requireCached(file) {
  if (process.env.VMC_REACH_SOURCE_MAPS === '1') {
    process.setSourceMapsEnabled(true);
    return require(file);
  }
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const dir = path.join(os.tmpdir(), 'vmc-reach-code-cache');
  const prefix = file.replace(/[^A-Za-z0-9.-]+/g, '_').slice(-150);
  const key = `${prefix}-${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}-${process.arch}`;
  const cacheFile = path.join(dir, `${key}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
    const now = new Date();
    fs.utimesSync(cacheFile, now, now); // in use: kept by the pruning below
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = m;
  const req = (id) => m.require(id);
  req.resolve = (request, options) => Module._resolveFilename(request, m, false, options);
  req.cache = Module._cache;
  req.main = require.main;
  script.runInThisContext().call(m.exports, m.exports, req, m, file, path.dirname(file));
  m.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}-${threadId}`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        // The caches of earlier builds of the same bundle are of no more use, nor are those of bundles
        // not started for 30 days (e.g. of a project folder since deleted).
        const stale = Date.now() - 30 * 24 * 3600 * 1000;
        for (const old of fs.readdirSync(dir)) {
          const p = path.join(dir, old);
          if (!old.endsWith('.bin') || p === cacheFile) continue;
          if (old.startsWith(`${prefix}-`) || fs.statSync(p).mtimeMs < stale) fs.rmSync(p, { force: true });
        }
      } catch {
        // a read-only temporary folder: start without the cache next time too
      }
    });
  }
  return m.exports;
}

module.exports = { requireCached };
