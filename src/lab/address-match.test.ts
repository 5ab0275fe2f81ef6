// Address lists become disjoint ranges (nftables refuses overlapping interval elements).
import { addressMatch, mergeRanges } from './address-match';

test('overlapping and adjacent literals merge into one range', () => {
  expect(mergeRanges(['10.0.1.0/24', '10.0.1.7', '10.0.2.0-10.0.2.9']).length).toBe(1);
  expect(addressMatch('saddr', ['10.0.1.0/24', '10.0.1.7', '10.0.2.0-10.0.2.9'])).toBe('ip saddr 10.0.1.0-10.0.2.9');
});

test('separate addresses become a set, a single address stays bare', () => {
  expect(addressMatch('daddr', ['192.168.10.10', '10.0.1.5'])).toBe('ip daddr { 10.0.1.5, 192.168.10.10 }');
  expect(addressMatch('daddr', ['192.168.10.10'])).toBe('ip daddr 192.168.10.10');
});

test('no address: the match never holds, or (negated) always holds', () => {
  expect(addressMatch('saddr', [])).toBeNull();
  expect(addressMatch('saddr', [], true)).toBe('');
  expect(addressMatch('saddr', ['10.0.0.0/16'], true)).toBe('ip saddr != 10.0.0.0-10.0.255.255');
});
