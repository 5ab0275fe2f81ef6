// The world `vmc-reach mock serve` answers the VMware side from, describing the moto VPC: the AWS files
// are moto's own describe-* output; the SDDC (segments, VMs, VIFs, CGW rules, hybrid nodes) is the
// harness's mock SDDC; the linked VPC names moto's VPC, connected subnet, active ENI and main route table.
// So both halves of the live run describe the same VPC, and only the VMware half is this project's mock.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsDump } from './describe-dump';
import type { MotoVpc } from './moto-vpc';
import type { ShimNode } from './ssm-shim';

export interface WorldOptions {
  /** The snapshot folder the SDDC side is taken from. */
  sddcFrom: string;
  dir: string;
  region: string;
  accountId: string;
  vpc: MotoVpc;
  dump: AwsDump;
  /** SDDC VM display names changed from the fixture's (so the runs depend on live.vms, as on a customer's SDDC). */
  rename: Record<string, string>;
}

const awsFiles = [
  'describe-vpcs.json',
  'describe-subnets.json',
  'describe-route-tables.json',
  'describe-network-acls.json',
  'describe-security-groups.json',
  'describe-security-group-rules.json',
  'describe-network-interfaces.json',
  'describe-instances.json',
];

export async function writeServedWorld(o: WorldOptions): Promise<{ hybridNodes: ShimNode[] }> {
  await mkdir(join(o.dir, 'aws'), { recursive: true });
  for (const d of ['nsx', 'vmc', 'ssm']) await cp(join(o.sddcFrom, d), join(o.dir, d), { recursive: true });
  for (const f of awsFiles) await writeFile(join(o.dir, 'aws', f), `${JSON.stringify(o.dump.files[f], null, 2)}\n`);
  await writeFile(
    join(o.dir, 'manifest.json'),
    `${JSON.stringify({ region: o.region, accountId: o.accountId, description: `The harness's mock SDDC connected to moto's VPC ${o.vpc.vpcId} (${o.vpc.cidr})` }, null, 2)}\n`,
  );
  const linked = {
    results: [
      {
        linked_vpc_id: o.vpc.vpcId,
        linked_account: o.accountId,
        linked_vpc_addresses: [o.vpc.cidr],
        linked_vpc_subnets: [{ id: o.vpc.subnetId, cidr: o.vpc.subnetCidr, availability_zone: o.vpc.availabilityZone }],
        active_eni: o.vpc.activeEni,
        route_table_ids: [o.vpc.mainRouteTableId],
      },
    ],
    result_count: 1,
  };
  await writeFile(join(o.dir, 'nsx', 'linked-vpcs.json'), `${JSON.stringify(linked, null, 2)}\n`);
  const sddcFile = join(o.dir, 'vmc', 'sddc.json');
  const sddc = JSON.parse(await readFile(sddcFile, 'utf8')) as { resource_config: { region?: string } };
  sddc.resource_config.region = o.region.toUpperCase().replace(/-/g, '_');
  await writeFile(sddcFile, `${JSON.stringify(sddc, null, 2)}\n`);
  const vmsFile = join(o.dir, 'nsx', 'virtual-machines.json');
  const vms = JSON.parse(await readFile(vmsFile, 'utf8')) as { results: { display_name?: string }[] };
  for (const vm of vms.results) if (vm.display_name && o.rename[vm.display_name]) vm.display_name = o.rename[vm.display_name];
  await writeFile(vmsFile, `${JSON.stringify(vms, null, 2)}\n`);
  const ssm = JSON.parse(await readFile(join(o.dir, 'ssm', 'describe-instance-information.json'), 'utf8')) as {
    InstanceInformationList: ShimNode[];
  };
  for (const n of ssm.InstanceInformationList) if (n.Name && o.rename[n.Name]) n.Name = o.rename[n.Name];
  return { hybridNodes: ssm.InstanceInformationList };
}
