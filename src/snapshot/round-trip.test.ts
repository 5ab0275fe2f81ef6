// A world written as a snapshot and loaded again is the same world, and writing it again gives the same files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshot } from './load-snapshot';
import { snapshotFiles, writeSnapshot } from './write-snapshot';
import { worldFromSnapshotFiles } from './load-snapshot';
import { articleCaseC, dumpWorld } from '../world/test-support';
import { richWorld, snapshotView } from './test-support';

describe('snapshot round trip', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vmc-reach-snapshot-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back the same VPCs, subnets, routes, NACLs, SGs and rules, ENIs, instances, SDDC, segments, groups, CGW rules and VMs', async () => {
    const world = richWorld();
    const loaded = await loadSnapshot(await writeSnapshot(world, dir, { description: 'rich' }));
    expect(dumpWorld(loaded, snapshotView)).toEqual(dumpWorld(world, snapshotView));
  });

  it('writes the same files again from the loaded world (the format is a fixpoint)', () => {
    const first = snapshotFiles(richWorld(), { description: 'rich' });
    const again = snapshotFiles(worldFromSnapshotFiles(first), { description: 'rich' });
    expect(again).toEqual(first);
  });

  it('writes byte-identical files for the same world built twice', () => {
    expect(snapshotFiles(articleCaseC(), { description: 'c' })).toEqual(snapshotFiles(articleCaseC(), { description: 'c' }));
  });

  it('writes 2-space JSON with a trailing newline', () => {
    for (const text of snapshotFiles(articleCaseC(), { description: 'c' }).values()) {
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it('removes optional files a previous write left when the world no longer has their data', async () => {
    await writeSnapshot(richWorld(), dir, { description: 'rich' });
    const loaded = await loadSnapshot(await writeSnapshot(articleCaseC(), dir, { description: 'c' }));
    expect(loaded.ec2.prefixLists.size).toBe(0);
    expect([...loaded.nsx.vms.values()].some((vm) => vm.guestFirewall)).toBe(false);
  });
});
