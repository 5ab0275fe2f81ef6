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

const executableIn = (dir: string, cmd: string): boolean => {
  try {
    accessSync(join(dir, cmd), constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The lab runs its commands by name, so a command counts only when it is on PATH. One that sits in an
 * sbin folder missing from PATH is named with that folder, so the fix is to extend PATH, not to install.
 */
function onPath(cmd: string, path: string): boolean | string {
  if (path.split(delimiter).some((d) => d !== '' && executableIn(d, cmd))) return true;
  return ['/usr/sbin', '/sbin'].find((d) => executableIn(d, cmd)) ?? false;
}

export interface PreflightOptions {
  /** Default: process.env.PATH. */
  path?: string;
  /** Default: process.getuid(). */
  uid?: number;
}

export function labAvailability(o: PreflightOptions = {}): LabAvailability {
  const missing: string[] = [];
  const uid = o.uid ?? process.getuid?.() ?? -1;
  const path = o.path ?? process.env.PATH ?? '';
  if (uid !== 0)
    missing.push(`root: the namespace lab creates network namespaces, veths and nftables rules (running as uid ${uid}; run as root)`);
  const found = Object.entries(labCommands).map(([cmd, pkg]) => ({ cmd, pkg, where: onPath(cmd, path) }));
  const absent = found.filter((f) => f.where === false);
  if (absent.length > 0) {
    const pkgs = [...new Set(absent.map((f) => f.pkg))];
    missing.push(`commands ${absent.map((f) => `${f.cmd} (package ${f.pkg})`).join(', ')}: apt-get install -y ${pkgs.join(' ')}`);
  }
  const offPath = found.filter((f) => typeof f.where === 'string');
  if (offPath.length > 0)
    missing.push(
      `commands ${offPath.map((f) => `${f.cmd} (in ${String(f.where)})`).join(', ')} on PATH: export PATH="$PATH:/usr/sbin:/sbin"`,
    );
  if (missing.length === 0) {
    const probe = spawnSync('unshare', ['--net', '--', 'true'], { timeout: 5000 });
    if (probe.status !== 0)
      missing.push(
        `network namespaces: \`unshare --net true\` failed (${probe.stderr?.toString().trim() || probe.error?.message || `exit ${probe.status}`}); a container needs CAP_SYS_ADMIN`,
      );
  }
  return { ok: missing.length === 0, missing };
}

/**
 * What `vmc-reach run --dataplane lab` checks before any scenario: the namespace lab, and for the container
 * backend also Docker and the node image. A lab that cannot start must stop the run, never fall back to the
 * model's answers under a banner of real packets.
 */
export async function labPreflight(backend: 'netns' | 'container', o: PreflightOptions = {}): Promise<LabAvailability> {
  const a = labAvailability(o);
  if (!a.ok || backend !== 'container') return a;
  const { containerAvailability } = await import('./container-runtime');
  return containerAvailability();
}

/** One sentence for a skipped test or an error. */
export const describeMissing = (a: LabAvailability): string => `the namespace lab cannot start here: missing ${a.missing.join('; ')}`;
