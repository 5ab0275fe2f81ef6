// What `mock serve` prints about the VMware side.
import { World } from '../../src/world';
import { newWorldWithSddc } from '../../src/world/test-support';
import { createMockContext } from '../mock-context';
import { describeVmcEndpoints } from './describe-endpoints';
import { defaultMockApiToken } from './csp/tokens';

test('names the token, the ids and the base URLs on the served origin, and the client’s environment', () => {
  const { world } = newWorldWithSddc();
  const { orgId, id } = world.nsx.sddc!;
  const proxy = `http://127.0.0.1:4010/vmc/reverse-proxy/api/orgs/${orgId}/sddcs/${id}`;
  expect(describeVmcEndpoints(createMockContext(world), 'http://127.0.0.1:4010/')).toEqual([
    `VMware CSP API token (accepted by the mock): ${defaultMockApiToken}`,
    'CSP:   http://127.0.0.1:4010/csp/gateway/am/api/auth/api-tokens/authorize',
    `Org id: ${orgId}   SDDC id: ${id} (vmc-reach-sddc)`,
    `VMC:   http://127.0.0.1:4010/vmc/api/orgs/${orgId}/sddcs/${id}`,
    `NSX policy:        ${proxy}/sks-nsxt-manager/policy/api/v1`,
    `NSX cloud-service: ${proxy}/cloud-service/api/v1`,
    `export VMC_CSP_URL=http://127.0.0.1:4010 VMC_URL=http://127.0.0.1:4010 VMC_ORG_ID=${orgId} VMC_SDDC_ID=${id} VMC_API_TOKEN=${defaultMockApiToken}`,
  ]);
});

test('says so when the world has no SDDC', () => {
  expect(describeVmcEndpoints(createMockContext(new World()), 'http://127.0.0.1:4010').at(-1)).toContain('no SDDC');
});
