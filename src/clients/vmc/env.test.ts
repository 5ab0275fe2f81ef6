// The client's settings from the environment: the token from VMC_API_TOKEN or a file, never printed.
import { inspect } from 'node:util';
import { vmcClientOptionsFromEnv } from './env';

test('reads the token, ids and base URLs, keeping the token secret', () => {
  const o = vmcClientOptionsFromEnv({
    VMC_API_TOKEN: 'tok-123456',
    VMC_ORG_ID: 'o',
    VMC_SDDC_ID: 's',
    VMC_CSP_URL: 'http://127.0.0.1:1',
    VMC_URL: 'http://127.0.0.1:1',
  });
  expect([o.orgId, o.sddcId, o.cspUrl, o.vmcUrl]).toEqual(['o', 's', 'http://127.0.0.1:1', 'http://127.0.0.1:1']);
  expect(inspect(o)).not.toContain('tok-123456');
});

test('reads the token from VMC_API_TOKEN_FILE', () => {
  const o = vmcClientOptionsFromEnv({ VMC_API_TOKEN_FILE: '/run/secrets/vmc', VMC_ORG_ID: 'o', VMC_SDDC_ID: 's' }, () => 'from-file\n');
  expect(typeof o.apiToken === 'string' ? o.apiToken : o.apiToken.reveal()).toBe('from-file');
});

test('names what is missing', () => {
  expect(() => vmcClientOptionsFromEnv({ VMC_ORG_ID: 'o' })).toThrow('VMC_API_TOKEN is not set');
});
