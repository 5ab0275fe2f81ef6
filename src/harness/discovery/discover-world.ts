// Discovery as a whole: the configuration the harness can see through the APIs, turned into a World
// (through the snapshot reader) so the engine gives its verdict on exactly that. Also what `collect`
// writes to disk.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { NsxClient, VmcClient } from '../../clients/vmc';
import { snapshotFileNames as files, worldFromSnapshotFiles } from '../../snapshot';
import type { World } from '../../world';
import { collectAwsFiles } from './aws-files';
import { collectNsxFiles } from './nsx-files';

export interface DiscoveredConfiguration {
  files: Map<string, string>;
  world: World;
}

export async function discoverConfiguration(o: { ec2: EC2Client; ssm?: SSMClient; vmc: VmcClient; nsx: NsxClient; vpcId: string; region: string; description: string }): Promise<DiscoveredConfiguration> {
  const [aws, nsx] = await Promise.all([collectAwsFiles(o.ec2, { vpcId: o.vpcId, ...(o.ssm ? { ssm: o.ssm } : {}) }), collectNsxFiles(o.vmc, o.nsx)]);
  const all = new Map<string, string>([[files.manifest, `${JSON.stringify({ region: o.region, description: o.description }, null, 2)}\n`], ...aws, ...nsx]);
  return { files: all, world: worldFromSnapshotFiles(all) };
}
