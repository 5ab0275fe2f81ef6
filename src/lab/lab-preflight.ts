// Can this machine run the namespace lab? Root (network namespaces, veths and nftables need
// CAP_SYS_ADMIN and CAP_NET_ADMIN) and the commands the lab runs. Says what is missing and how to get it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface LabAvailability {
  ok: boolean;
  /** One line per missing thing, saying how to get it. */
  missing: string[];
}

/** Command → Debian package. */
export const labCommands: Record<string, string> = {
  setpriv: 'util-linux',
  unshare: 'util-linux',
  nsenter: 'util-linux',
  bash: 'bash',
  ip: 'iproute2',
  nft: 'nftables',
  ping: 'iputils-ping',
  conntrack: 'conntrack',
  // TCP/UDP probes and listeners (port-probe.ts; the SSM probe commands' own listeners and UDP sender)
  python3: 'python3',
  timeout: 'coreutils',
};

function onPath(cmd: string): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/sbin']);
  return dirs.some((d) => {
    try {
      accessSync(join(d, cmd), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function labAvailability(): LabAvailability {
  const missing: string[] = [];
  const uid = process.getuid?.() ?? -1;
  if (uid !== 0) missing.push(`root: the namespace lab creates network namespaces, veths and nftables rules (running as uid ${uid}; run as root)`);
  const absent = Object.entries(labCommands).filter(([cmd]) => !onPath(cmd));
  if (absent.length > 0) {
    const pkgs = [...new Set(absent.map(([, p]) => p))];
    missing.push(`commands ${absent.map(([c]) => c).join(', ')}: apt-get install -y ${pkgs.join(' ')}`);
  }
  if (missing.length === 0) {
    const probe = spawnSync('unshare', ['--net', '--', 'true'], { timeout: 5000 });
    if (probe.status !== 0) missing.push(`network namespaces: \`unshare --net true\` failed (${probe.stderr?.toString().trim() || probe.error?.message || `exit ${probe.status}`}); a container needs CAP_SYS_ADMIN`);
  }
  return { ok: missing.length === 0, missing };
}

/** One sentence for a skipped test or an error. */
export const describeMissing = (a: LabAvailability): string => `the namespace lab cannot start here: missing ${a.missing.join('; ')}`;
