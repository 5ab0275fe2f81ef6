// Unit tests for the seedable id generator.
import fc from 'fast-check';
import { createIdGenerator, looksLikeId } from './ids';

const take = (seed: number, n: number, prefix = 'sg'): string[] => {
  const gen = createIdGenerator(seed);
  return Array.from({ length: n }, () => gen.next(prefix));
};

describe('createIdGenerator', () => {
  it('gives the same sequence for the same seed', () => {
    expect(take(7, 20)).toEqual(take(7, 20));
  });

  it('gives a different sequence for a different seed', () => {
    expect(take(7, 5)).not.toEqual(take(8, 5));
  });

  it('makes ids of the prefix, a dash and 17 lowercase hex digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom('vpc', 'subnet', 'sg', 'i', 'eni', 'rtb', 'acl', 'sgr'),
        (seed, prefix) => {
          const id = createIdGenerator(seed).next(prefix);
          expect(id).toMatch(new RegExp(`^${prefix}-[0-9a-f]{17}$`));
          expect(looksLikeId(prefix, id)).toBe(true);
        },
      ),
    );
  });

  it('does not repeat an id within a long run', () => {
    const ids = take(0x5eed, 5000);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('continues the sequence from a saved state', () => {
    const gen = createIdGenerator(3);
    gen.next('vpc');
    const resumed = createIdGenerator(gen.state);
    expect(resumed.next('vpc')).toBe(gen.next('vpc'));
  });
});

describe('looksLikeId', () => {
  it('accepts the short (8 digit) and long (17 digit) forms', () => {
    expect(looksLikeId('sg', 'sg-0123abcd')).toBe(true);
    expect(looksLikeId('sg', 'sg-0123456789abcdef0')).toBe(true);
  });

  it('rejects another prefix, upper case and other lengths', () => {
    expect(looksLikeId('sg', 'vpc-0123abcd')).toBe(false);
    expect(looksLikeId('sg', 'sg-0123ABCD')).toBe(false);
    expect(looksLikeId('sg', 'sg-0123abc')).toBe(false);
  });
});
