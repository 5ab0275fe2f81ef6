// Discovery as a whole: the configuration the harness can see through the APIs, turned into a World
// (through the snapshot reader) so the engine gives its verdict on exactly that. Also what `collect`
// writes to disk. Files read while something else changes the account can disagree with each other
// (a rule added between DescribeSecurityGroups and DescribeSecurityGroupRules): then it reads again.
// References the account leaves dangling (a group of a peered VPC, a deleted subnet's NACL association)
// are warnings, logged and returned, never a reason to abort: the engine judges what depends on them
// as indeterminate.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { NsxClient, VmcClient } from '../../clients/vmc';
import { SnapshotError, formatSnapshotWarning, readSnapshot, snapshotFileNames as files, type SnapshotWarning } from '../../snapshot';
import type { World } from '../../world';
import { collectAwsFiles } from './aws-files';
import { collectNsxFiles } from './nsx-files';

export interface DiscoveredConfiguration {
  files: Map<string, string>;
  world: World;
  /** References the snapshot reader loaded around (see SnapshotWarning). */
  warnings: SnapshotWarning[];
}

/** Reads taken while someone else changes the account (another run, an operator) may disagree. */
const maxReads = 3;
const inconsistent = (e: unknown): boolean => e instanceof SnapshotError && /disagree|is not in /.test(e.message);

export async function discoverConfiguration(o: {
  ec2: EC2Client;
  ssm?: SSMClient;
  vmc: VmcClient;
  nsx: NsxClient;
  vpcId: string;
  region: string;
  description: string;
  log?: (line: string) => void;
}): Promise<DiscoveredConfiguration> {
  for (let read = 1; ; read++) {
    const [aws, nsx] = await Promise.all([
      collectAwsFiles(o.ec2, { vpcId: o.vpcId, ...(o.ssm ? { ssm: o.ssm } : {}) }),
      collectNsxFiles(o.vmc, o.nsx),
    ]);
    const all = new Map<string, string>([
      [files.manifest, `${JSON.stringify({ region: o.region, description: o.description }, null, 2)}\n`],
      ...aws,
      ...nsx,
    ]);
    try {
      const { world, warnings } = readSnapshot(all);
      for (const w of warnings) o.log?.(`discovery: ${formatSnapshotWarning(w)}`);
      return { files: all, world, warnings };
    } catch (e) {
      // A resource changed between two describe calls (a rule added after the groups were read): read again.
      if (read >= maxReads || !inconsistent(e)) throw e;
    }
  }
}
