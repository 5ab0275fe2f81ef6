// Scrubbing: secret values and secret-shaped text redacted, account ids mapped consistently on request.
import { createScrubber, redacted, scrubDeep, secretsFromEnv } from './scrub';

const canary = 'CANARY-5f2b9c-token-value';

test('secret values from the environment are found by the variable name', () => {
  expect(secretsFromEnv({ VMC_API_TOKEN: canary, AWS_SECRET_ACCESS_KEY: 'abcdefgh', AWS_REGION: 'us-west-2', SHORT_TOKEN: 'x' })).toEqual([
    canary,
    'abcdefgh',
  ]);
});

test('a known secret is redacted wherever it appears, deep in the data', () => {
  const scrub = createScrubber({ secrets: [canary] });
  const out = scrubDeep({ a: [`token=${canary};`], [canary]: { b: `x${canary}x` }, n: 3 }, scrub);
  expect(JSON.stringify(out)).not.toContain(canary);
  expect(out.a[0]).toBe(`token=${redacted};`);
  expect(out.n).toBe(3);
});

test('secret-shaped text is redacted without being told', () => {
  const scrub = createScrubber();
  expect(scrub('key AKIAABCDEFGHIJKLMNOP used')).toBe(`key ${redacted} used`);
  expect(scrub('Authorization: Bearer abc.def-123')).not.toContain('abc.def-123');
  expect(scrub('csp-auth-token: s3cr3tvalue')).toBe(`csp-auth-token: ${redacted}`);
  expect(scrub('{"refresh_token":"r-123","x":1}')).toBe(`{"refresh_token":"${redacted}","x":1}`);
  expect(scrub('eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl')).toBe(redacted);
});

test('account ids become consistent placeholders only on request', () => {
  const text = 'owner 123456789012, linked 210987654321, arn:aws:iam::123456789012:role/x, not 1234567890123';
  expect(createScrubber()(text)).toBe(text);
  const scrub = createScrubber({ accountIds: true });
  expect(scrub(text)).toBe('owner account-1, linked account-2, arn:aws:iam::account-1:role/x, not 1234567890123');
  expect(scrub('again 210987654321')).toBe('again account-2');
});
