// Mock-mode settings come from what the mock supplied, never from the process environment.
import { configSchema } from './config/schema';
import { mockTargetSettings, supplyMockSettings } from './target';

const config = configSchema.parse({});
afterEach(() => supplyMockSettings(undefined));

test('without a mock set up, mock settings are refused, naming the world and the field', () => {
  expect(() => mockTargetSettings(config)).toThrow(/mock world fixtures\/snapshots\/harness-before-runs \(config field mock\.world\) was not set up/);
});

test("the mock's ids are used, and no endpoint is taken from anywhere", () => {
  supplyMockSettings({ AWS_REGION: 'us-west-2', VMC_API_TOKEN: 't', VMC_ORG_ID: 'org', VMC_SDDC_ID: 'sddc', AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9', VMC_URL: 'http://127.0.0.1:9' });
  const s = mockTargetSettings(configSchema.parse({ region: 'eu-west-1', live: { orgId: '11111111-1111-4111-8111-111111111111' } }));
  expect({ region: s.region, org: s.vmc.orgId, aws: s.aws, vmcUrl: s.vmc.vmcUrl }).toEqual({ region: 'us-west-2', org: 'org', aws: expect.objectContaining({ mock: true }) as unknown, vmcUrl: 'https://vmc.vmware.com' });
  expect(s.aws).not.toHaveProperty('endpoints');
});
