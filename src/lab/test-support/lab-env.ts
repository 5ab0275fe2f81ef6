// Test helper (test code only): runs a describe block only where the lab can start (the namespace lab;
// for describeContainerLab also Docker and the node image). Locally without them the block is skipped
// with a message saying what is missing; in CI (`CI` set) it fails instead, so a machine that cannot run
// the lab never passes silently.
import { spawnSync } from 'node:child_process';
import { describeMissing, labAvailability, type LabAvailability } from '../lab-preflight';

export const labEnv = labAvailability();

const image = process.env.VMC_REACH_LAB_IMAGE ?? 'vmc-reach-lab-node:busybox';

function containerEnv(): LabAvailability {
  if (!labEnv.ok) return labEnv;
  const r = spawnSync('docker', ['image', 'inspect', image], { timeout: 10_000 });
  if (r.status === 0) return { ok: true, missing: [] };
  const why = r.error
    ? 'the docker command (apt-get install -y docker.io)'
    : `the image ${image} or a running Docker daemon (dockerd --storage-driver=vfs; npm run lab:image): ${r.stderr.toString().trim().split('\n')[0]}`;
  return { ok: false, missing: [why] };
}

export function describeLab(name: string, body: () => void, env: LabAvailability = labEnv): void {
  if (env.ok) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      test('the lab can start on this machine', () => {
        throw new Error(describeMissing(env));
      });
    });
    return;
  }
  console.warn(`[lab] skipping "${name}": ${describeMissing(env)}`);
  describe.skip(name, body);
}

/** Like describeLab, for the container backend. */
export const describeContainerLab = (name: string, body: () => void): void => describeLab(name, body, containerEnv());
