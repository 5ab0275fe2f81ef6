// What VMC does to the customer's account when an SDDC is deployed and linked to a VPC: one cross-link
// ENI per host in the chosen subnet, each wearing the VPC's default security group; one of them active;
// the main route table managed (it then receives the SDDC's routed networks).
import type { World } from '../world';
import { getSubnet } from '../ec2/subnets';
import { getVpc, defaultSecurityGroup, vpcCidrs } from '../ec2/vpcs';
import { mainRouteTable } from '../ec2/route-tables';
import { createNetworkInterface } from '../ec2/network-interfaces';
import { setLinkedVpc, setSddc } from './linked-vpc';
import type { Sddc } from './types';

export interface DeploySddcInput {
  sddcId?: string;
  orgId?: string;
  name?: string;
  vpcId: string;
  /** The connected subnet chosen at deployment; the cross-link ENIs live here. */
  subnetId: string;
  hosts?: number;
  /** Which host's ENI carries traffic (the one running the active edge); default the first. */
  activeHost?: number;
  managementCidr?: string;
  /** Base URL of the reverse proxy, as the mocks serve it. */
  proxyBase?: string;
}

export interface DeployedSddc {
  sddc: Sddc;
  crossLinkEniIds: string[];
  activeEni: string;
}

export function deploySddc(world: World, input: DeploySddcInput): DeployedSddc {
  const vpc = getVpc(world, input.vpcId);
  const subnet = getSubnet(world, input.subnetId);
  const sg = defaultSecurityGroup(world, vpc.vpcId);
  const hosts = input.hosts ?? 2;
  const activeHost = input.activeHost ?? 0;
  // Checked before anything is created, so a bad request leaves the world as it was.
  if (subnet.vpcId !== vpc.vpcId) throw new RangeError(`subnet ${subnet.subnetId} is not in ${vpc.vpcId}`);
  if (!Number.isInteger(activeHost) || activeHost < 0 || activeHost >= hosts)
    throw new RangeError(`activeHost ${activeHost} is not one of the ${hosts} hosts`);
  const orgId = input.orgId ?? '2f1a8c3e-0000-4000-8000-00000000a001';
  const sddcId = input.sddcId ?? '6b3d9e2a-0000-4000-8000-00000000b001';
  const base = input.proxyBase ?? 'https://nsx-10-2-0-4.rp.vmwarevmc.com';
  const sddc: Sddc = {
    id: sddcId,
    name: input.name ?? 'vmc-reach-sddc',
    orgId,
    region: world.region,
    sddcState: 'READY',
    nsxApiPublicEndpointUrl: `${base}/vmc/reverse-proxy/api/orgs/${orgId}/sddcs/${sddcId}/sks-nsxt-manager`,
    managementCidr: input.managementCidr ?? '10.2.0.0/16',
  };
  setSddc(world, sddc);
  const enis = Array.from({ length: hosts }, () =>
    createNetworkInterface(world, {
      subnetId: subnet.subnetId,
      groupIds: [sg.groupId],
      description: 'VMware VMC Interface',
      requesterManaged: true,
    }),
  );
  for (const eni of enis) {
    eni.status = 'in-use';
    eni.attachment = { attachmentId: world.ids.next('eni-attach'), deviceIndex: 1, status: 'attached', instanceOwnerId: 'amazon-aws' };
  }
  const crossLinkEniIds = enis.map((e) => e.networkInterfaceId);
  const activeEni = crossLinkEniIds[activeHost]!;
  const main = mainRouteTable(world, vpc.vpcId);
  setLinkedVpc(world, {
    linkedVpcId: vpc.vpcId,
    linkedAccount: world.accountId,
    linkedVpcAddresses: vpcCidrs(vpc),
    subnets: [...world.ec2.subnets.values()]
      .filter((s) => s.vpcId === vpc.vpcId)
      .map((s) => ({ id: s.subnetId, cidr: s.cidrBlock, availabilityZone: s.availabilityZone })),
    activeEni,
    crossLinkEniIds,
    routeTableIds: main ? [main.routeTableId] : [],
  });
  return { sddc, crossLinkEniIds, activeEni };
}
