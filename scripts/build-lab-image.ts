// `npm run lab:image`: builds the lab's node image locally, with no registry: a root filesystem holding
// Debian's static busybox (package busybox-static) and its applets (sh, ping, nc, ip, wget, …), imported
// into the local Docker daemon as vmc-reach-lab-node:busybox (VMC_REACH_LAB_IMAGE for another name). The
// container backend of the lab (src/lab) starts its nodes from it. Idempotent: rebuilds only when the
// busybox binary changed (its hash is a label of the image).
//   needs: root, a running Docker daemon, apt-get install busybox-static
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { $, which } from 'zx';

const image = process.env.VMC_REACH_LAB_IMAGE ?? 'vmc-reach-lab-node:busybox';
const label = 'vmc-reach-lab.busybox';

class Refused extends Error {}

/** The path of a statically linked busybox, or a message saying what to install. */
async function staticBusybox(): Promise<string> {
  const busybox = await which('busybox', { nothrow: true });
  // ldd exits non-zero on a static binary, saying so.
  const linkage = busybox ? await $({ nothrow: true, quiet: true })`ldd ${busybox}` : undefined;
  if (!busybox || !`${linkage?.stdout}${linkage?.stderr}`.includes('not a dynamic executable'))
    throw new Refused('no static busybox found; apt-get install -y busybox-static');
  return busybox;
}

/** A root filesystem of busybox and a symlink per applet, as a tar file in a temporary folder. */
async function rootTar(busybox: string, work: string): Promise<string> {
  const root = join(work, 'root');
  for (const d of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'tmp', 'etc', 'proc', 'sys', 'dev']) mkdirSync(join(root, d), { recursive: true });
  copyFileSync(busybox, join(root, 'bin', 'busybox'));
  const applets = (await $`${join(root, 'bin', 'busybox')} --list-full`).stdout.split('\n').filter(Boolean);
  for (const applet of applets) {
    const at = join(root, applet);
    mkdirSync(dirname(at), { recursive: true });
    if (!existsSync(at)) symlinkSync('/bin/busybox', at);
  }
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\n');
  const tar = join(work, 'root.tar');
  await $`tar -C ${root} -cf ${tar} .`;
  return tar;
}

async function main(): Promise<void> {
  const busybox = await staticBusybox();
  const sum = createHash('sha256').update(readFileSync(busybox)).digest('hex').slice(0, 16);
  const current = await $({ nothrow: true, quiet: true })`docker image inspect -f ${`{{ index .Config.Labels "${label}" }}`} ${image}`;
  if (current.exitCode === 0 && current.stdout.trim() === sum) {
    process.stdout.write(`build-lab-image: ${image} is up to date (busybox ${sum})\n`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'vmc-reach-lab-image-'));
  try {
    const tar = await rootTar(busybox, work);
    await $`docker import --change ${'CMD ["/bin/sleep", "infinity"]'} --change ${`LABEL ${label}=${sum}`} --change ${'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin'} ${tar} ${image}`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`build-lab-image: built ${image} (busybox ${sum})\n`);
}

main().catch((e: unknown) => {
  // A refusal says what to install (exit 2); a failed command prints what it printed (exit 1).
  process.stderr.write(`build-lab-image: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = e instanceof Refused ? 2 : 1;
});
