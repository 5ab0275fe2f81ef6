// Mock-mode settings come from what the mock supplied, never from the process environment.
import { configSchema } from './config/schema';
import { mockTargetSettings, supplyMockSettings } from './target';

const config = configSchema.parse({});
afterEach(() => supplyMockSettings(undefined));

test('without a mock set up, mock settings are refused, naming the world and the field', () => {
  expect(() => mockTargetSettings(config)).toThrow(
    /mock world fixtures\/snapshots\/harness-before-runs \(config field mock\.world\) was not set up/,
  );
});

test("the mock's ids are used, not the configuration's, and no endpoint or URL comes from the process environment", () => {
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9', VMC_URL: 'http://127.0.0.1:9', VMC_ORG_ID: 'env-org' });
  try {
    supplyMockSettings({ AWS_REGION: 'us-west-2', VMC_API_TOKEN: 't', VMC_ORG_ID: 'org', VMC_SDDC_ID: 'sddc' });
    const s = mockTargetSettings(
      configSchema.parse({
        region: 'eu-west-1',
        live: { orgId: '11111111-1111-4111-8111-111111111111', vmcUrl: 'https://vmc.example.com' },
      }),
    );
    expect({ region: s.region, org: s.vmc.orgId, mock: s.aws.mock, endpoints: s.aws.endpoints, vmcUrl: s.vmc.vmcUrl }).toEqual({
      region: 'us-west-2',
      org: 'org',
      mock: true,
      endpoints: undefined,
      vmcUrl: 'https://vmc.vmware.com',
    });
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
});

describe('how transcripts are labelled', () => {
  const supplied = { AWS_REGION: 'us-west-2', VMC_API_TOKEN: 't', VMC_ORG_ID: 'org', VMC_SDDC_ID: 'sddc' };
  test("a mock run's transcripts are the model's, even when the process environment says lab", () => {
    const saved = process.env.VMC_REACH_DATAPLANE;
    process.env.VMC_REACH_DATAPLANE = 'lab';
    try {
      supplyMockSettings(supplied);
      expect(mockTargetSettings(config).transcripts).toBe('model');
    } finally {
      if (saved === undefined) delete process.env.VMC_REACH_DATAPLANE;
      else process.env.VMC_REACH_DATAPLANE = saved;
    }
  });
  test("they are the lab's only once the mock's set-up has started the lab and said so", () => {
    supplyMockSettings({ ...supplied, VMC_REACH_DATAPLANE: 'lab' });
    expect(mockTargetSettings(config).transcripts).toBe('lab');
  });
});
