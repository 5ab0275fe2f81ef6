// `vmc-reach run --dataplane lab` on a machine that lacks a lab tool stops before any scenario with exit 2,
// naming the tool and its Debian package; no report claims real packets. Simulated by a PATH without nft.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labAvailability, labCommands } from '../lab/lab-preflight';

const root = join(__dirname, '..', '..');

function pathWithout(omit: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmc-reach-path-'));
  for (const cmd of Object.keys(labCommands)) {
    if (cmd === omit) continue;
    const real = spawnSync('sh', ['-c', `command -v ${cmd} || ls /usr/sbin/${cmd} /sbin/${cmd} 2>/dev/null | head -1`], {
      encoding: 'utf8',
    }).stdout.trim();
    if (real) symlinkSync(real, join(dir, cmd));
  }
  return dir;
}

test('a PATH without nft: the preflight names nft and the nftables package', () => {
  const dir = pathWithout('nft');
  try {
    const a = labAvailability({ path: dir, uid: 0 });
    expect(a.ok).toBe(false);
    expect(a.missing.join('\n')).toMatch(/nft \(package nftables\)|nft \(in \/(usr\/)?sbin\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('not root: the preflight says so', () => {
  expect(labAvailability({ path: process.env.PATH ?? '', uid: 1000 }).missing.join('\n')).toMatch(/root: .*uid 1000/);
});

test('run --dataplane lab without nft stops before any scenario with exit 2 and how to install it', () => {
  const dir = pathWithout('nft');
  const report = mkdtempSync(join(tmpdir(), 'vmc-reach-lab-pre-'));
  try {
    // /usr/sbin is left off PATH on purpose: the lab runs its commands by name, so nft there would not be found.
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin', 'vmc-reach.cjs'), 'run', '--dataplane', 'lab', '--scenario', 'article', '--report-dir', report],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PATH: dir, VMC_REACH_QUIET: '1' },
        timeout: 120_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--dataplane lab: the lab cannot start .* no scenario was run/);
    expect(r.stderr).toMatch(/nft/);
    expect(r.stderr).toMatch(/apt-get install -y nftables|export PATH=/);
    expect(r.stdout).not.toMatch(/PASS|probes:/);
    expect(r.stderr).not.toMatch(/real packets/);
    expect(existsSync(join(report, 'junit.xml'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(report, { recursive: true, force: true });
  }
}, 130_000);
