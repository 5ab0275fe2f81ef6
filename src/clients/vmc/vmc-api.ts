// The VMC API calls the harness needs: organizations, SDDCs (whose `resource_config.nsx_api_public_endpoint_url`
// leads to NSX) and the account-link SDDC connections (the connected VPC, subnet and cross-link ENIs).
import { z } from 'zod';
import type { Session } from './session';
import { orgSchema, sddcConnectionSchema, sddcSchema, type Org, type Sddc, type SddcConnection } from './schemas';

export class VmcApi {
  constructor(
    private readonly session: Session,
    /** VMC base URL, e.g. `https://vmc.vmware.com`. */
    readonly baseUrl: string,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/vmc/api${path}`;
  }

  listOrgs(): Promise<Org[]> {
    return this.session.get('vmc', this.url('/orgs'), z.array(orgSchema));
  }

  getOrg(orgId: string): Promise<Org> {
    return this.session.get('vmc', this.url(`/orgs/${encodeURIComponent(orgId)}`), orgSchema);
  }

  listSddcs(orgId: string): Promise<Sddc[]> {
    return this.session.get('vmc', this.url(`/orgs/${encodeURIComponent(orgId)}/sddcs`), z.array(sddcSchema));
  }

  getSddc(orgId: string, sddcId: string): Promise<Sddc> {
    return this.session.get('vmc', this.url(`/orgs/${encodeURIComponent(orgId)}/sddcs/${encodeURIComponent(sddcId)}`), sddcSchema);
  }

  /** The SDDC's links to customer VPCs (`?sddc=`): VPC, subnet, cross-link ENIs, main route table. */
  listSddcConnections(orgId: string, sddcId: string): Promise<SddcConnection[]> {
    return this.session.get(
      'vmc',
      this.url(`/orgs/${encodeURIComponent(orgId)}/account-link/sddc-connections`),
      z.array(sddcConnectionSchema),
      { sddc: sddcId },
    );
  }
}
