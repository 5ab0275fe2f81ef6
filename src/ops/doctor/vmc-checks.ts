// Doctor, VMware side: the CSP API token is exchanged (and the roles it carries, when the access token
// lists them), the SDDC is READY and NSX-T, its NSX API answers through the reverse proxy, and it has a
// connected VPC with an active cross-link ENI. Tokens are never printed: errors pass the client's redaction.
import type { ConnectedVpc, NsxClient, VmcClient } from '../../clients/vmc';
import { errorText, fail, pass, type CheckResult } from './check';
import type { VmNode } from './aws-checks';

const tokenFix =
  'generate a new API token in the VMware Cloud console (My Account > API Tokens) with the NSX Cloud Admin role, and export VMC_API_TOKEN or name a chmod-600 file in live.cspTokenFile';

/** Roles from the access token's `perms` claim (a JWT); undefined when the token does not list them. */
export function rolesOf(accessToken: string): string[] | undefined {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { perms?: unknown };
    return Array.isArray(payload.perms) ? payload.perms.filter((p): p is string => typeof p === 'string') : undefined;
  } catch {
    return undefined;
  }
}

export async function checkCspToken(vmc: VmcClient): Promise<CheckResult> {
  const name = 'CSP API token';
  try {
    const token = await vmc.auth.token();
    const roles = rolesOf(token.reveal());
    if (roles === undefined)
      return pass(name, 'exchanged for an access token (the token lists no roles; the NSX read below shows what it may do)');
    const nsx = roles.filter((r) => /nsx/i.test(r));
    if (nsx.length === 0)
      return fail(
        name,
        `exchanged, but its roles (${roles.length}) include no NSX role`,
        "give the token the NSX Cloud Admin service role on the SDDC's org (Cloud Auditor is enough for collect)",
      );
    return pass(name, `exchanged; NSX roles: ${nsx.map((r) => r.replace(/^external\/[^/]+\//, '')).join(', ')}`);
  } catch (e) {
    return fail(name, `the exchange failed (${errorText(e)})`, tokenFix);
  }
}

export async function checkSddc(vmc: VmcClient): Promise<CheckResult> {
  const name = 'SDDC';
  try {
    const sddc = await vmc.vmc.getSddc(vmc.orgId, vmc.sddcId);
    if (sddc.sddc_state !== 'READY')
      return fail(name, `${sddc.name} (${sddc.id}) is ${sddc.sddc_state}`, 'wait until the SDDC is READY (VMware Cloud console)');
    if (sddc.resource_config.nsxt === false) return fail(name, `${sddc.name} is not an NSX-T SDDC`, 'use an NSX-T SDDC');
    return pass(name, `${sddc.name} (${sddc.id}) is READY`);
  } catch (e) {
    return fail(name, errorText(e), "check live.orgId/VMC_ORG_ID and live.sddcId/VMC_SDDC_ID, and that the token's org holds the SDDC");
  }
}

export interface ConnectedView {
  result: CheckResult[];
  nsx?: NsxClient;
  vpc?: ConnectedVpc;
  vms: VmNode[];
}

/** NSX reachable and readable; the connected VPC and the VMs with their IPv4 addresses. */
export async function checkNsxAndConnectedVpc(vmc: VmcClient): Promise<ConnectedView> {
  let nsx: NsxClient;
  let vpc: ConnectedVpc;
  try {
    const connected = await vmc.connect();
    nsx = connected.nsx;
    vpc = connected.discovery.connectedVpc;
  } catch (e) {
    return {
      result: [
        fail(
          'connected VPC (discovery)',
          errorText(e),
          'the SDDC needs a connected VPC (chosen at deployment); check the token may read the NSX cloud-service API',
        ),
      ],
      vms: [],
    };
  }
  const results: CheckResult[] = [
    pass(
      'connected VPC (discovery)',
      `${vpc.vpcId}, active cross-link ENI ${vpc.activeEni}, managed route tables ${vpc.managedRouteTableIds.join(', ') || 'none'}`,
    ),
  ];
  let vms: VmNode[] = [];
  try {
    const [segments, list, vifs] = await Promise.all([nsx.segments.list(), nsx.listVirtualMachines(), nsx.listVifs()]);
    vms = list.flatMap((vm) => {
      const ip = vifs
        .filter((f) => f.owner_vm_id === vm.external_id)
        .flatMap((f) => (f.ip_address_info ?? []).flatMap((i) => i.ip_addresses ?? []))
        .find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
      return ip ? [{ name: vm.display_name ?? vm.external_id, ip }] : [];
    });
    results.push(
      pass('NSX Policy API', `reachable through the reverse proxy; ${segments.length} segments and ${list.length} VMs readable`),
    );
  } catch (e) {
    results.push(
      fail(
        'NSX Policy API',
        errorText(e),
        "the token needs the NSX Cloud Admin (or Auditor, to read) role; check the SDDC's reverse proxy is reachable from here",
      ),
    );
  }
  return { result: results, nsx, vpc, vms };
}
