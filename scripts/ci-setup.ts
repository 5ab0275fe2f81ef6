// CI set-up (`.ci/run`, after `npm ci`): what the tests need beyond node_modules on a fresh machine. The lab
// (src/lab) builds real network namespaces with nftables and pings through them, its container backend
// runs Docker from a locally built busybox image, the evidence pack's browser test drives Debian's
// Chromium; their tests fail, not skip, under CI when these are missing. So: the Debian packages, a
// Docker daemon (started on vfs storage when none answers), and the lab's node image.
//   usage: node bin/run-ts.cjs scripts/ci-setup.ts        (root)
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { $, sleep } from 'zx';

const packages = ['iproute2', 'nftables', 'iputils-ping', 'conntrack', 'util-linux', 'chromium', 'docker.io', 'busybox-static'];
const dockerLog = '/tmp/vmc-reach-dockerd.log';

const dockerAnswers = async (): Promise<boolean> => (await $({ nothrow: true, quiet: true })`docker info`).exitCode === 0;

/** Starts dockerd in the background (it outlives this script) and waits up to 30 s for it to answer. */
async function startDocker(): Promise<void> {
  const log = openSync(dockerLog, 'a');
  spawn('dockerd', ['--storage-driver=vfs'], { detached: true, stdio: ['ignore', log, log] }).unref();
  closeSync(log);
  for (let i = 0; i < 150; i++) {
    if (await dockerAnswers()) return;
    await sleep(200);
  }
  const tail = readFileSync(dockerLog, 'utf8').trim().split('\n').slice(-20).join('\n');
  throw new Error(`dockerd did not start:\n${tail}`);
}

async function main(): Promise<void> {
  const apt = $({ quiet: true, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  await apt`apt-get update -qq`;
  await apt`apt-get install -y -qq --no-install-recommends ${packages}`;
  process.stdout.write(`ci-setup: installed ${packages.join(' ')}\n`);
  if (!(await dockerAnswers())) await startDocker();
  process.stdout.write(
    `ci-setup: docker ${(await $({ quiet: true })`docker version -f ${'{{.Server.Version}}'}`).stdout.trim()} answers\n`,
  );
  await $({ stdio: 'inherit' })`${process.execPath} ${join(__dirname, '..', 'bin', 'run-ts.cjs')} ${join(__dirname, 'build-lab-image.ts')}`;
}

main().catch((e: unknown) => {
  process.stderr.write(`ci-setup: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
