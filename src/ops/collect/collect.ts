// `vmc-reach collect`: a live snapshot in the snapshot format (design §8), made by the same discovery a
// run uses (discoverConfiguration: EC2, SSM, VMC and NSX reads only), with secrets removed and, on
// request, account ids and public addresses scrubbed; written with writeSnapshotFiles so `reproduce`
// reads it back. Reads only: nothing is created or changed.
import { stat } from 'node:fs/promises';
import { discoverConfiguration } from '../../target/discovery/discover-world';
import { worldFromSnapshotFiles, writeSnapshotFiles } from '../../snapshot';
import type { LiveClients } from '../live-target';
import { removeSecrets } from './remove-secrets';
import { scrubFiles } from './scrub';

export interface CollectOptions {
  out: string;
  scrub?: boolean;
  description?: string;
}

export interface CollectSummary {
  files: number;
  vpcId: string;
  scrubbed?: { accounts: number; addresses: number };
}

export async function collectSnapshot(c: LiveClients, o: CollectOptions): Promise<CollectSummary> {
  const existing = await stat(o.out).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new Error(`--out ${o.out} exists and is not a folder`);
  const { discovery, nsx } = await c.vmc.connect();
  const vpcId = discovery.connectedVpc.vpcId;
  const description =
    o.description ?? `vmc-reach collect of SDDC ${discovery.sddc.name} and its connected VPC ${vpcId}, ${new Date().toISOString()}`;
  const found = await discoverConfiguration({
    ec2: c.aws.ec2,
    ssm: c.aws.ssm,
    vmc: c.vmc,
    nsx,
    vpcId,
    region: c.settings.region,
    description,
  });
  const token = await c.vmc.auth.token();
  let files = removeSecrets(found.files, [c.settings.vmc.apiToken, token]);
  let scrubbed: CollectSummary['scrubbed'];
  if (o.scrub) {
    const s = scrubFiles(files);
    files = s.files;
    scrubbed = { accounts: s.accounts, addresses: s.addresses };
  }
  worldFromSnapshotFiles(files); // what is written must load: fail here, not in the support engineer's hands
  await writeSnapshotFiles(o.out, files);
  return { files: files.size, vpcId, ...(scrubbed ? { scrubbed } : {}) };
}
