// Mock mode's scrub of the shell's AWS and VMC settings: what goes, what stays.
import { scrubForMock } from './mock-env';

test('every AWS and VMC setting is removed, the harness own VMC_REACH_* and the SDK warning switch stay', () => {
  const env: NodeJS.ProcessEnv = {
    AWS_ENDPOINT_URL_EC2: 'x',
    AWS_PROFILE: 'p',
    AWS_SESSION_TOKEN: 't',
    VMC_URL: 'u',
    VMC_API_TOKEN_FILE: 'f',
    VMC_REACH_PROGRESS: 'plain',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PATH: '/bin',
  };
  expect(scrubForMock(env)).toEqual(['AWS_ENDPOINT_URL_EC2', 'AWS_PROFILE', 'AWS_SESSION_TOKEN', 'VMC_API_TOKEN_FILE', 'VMC_URL']);
  expect(env).toEqual({ VMC_REACH_PROGRESS: 'plain', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PATH: '/bin' });
});
