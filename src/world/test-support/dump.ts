// The one world dump for assertions (test code only): the world's account, region and EC2 and NSX
// stores as a deep, plain copy (Maps become [key, value] entry lists, so their order counts too).
// Two dumps are equal when the worlds hold the same state; a dump taken before a call is unaffected by it.
import type { NsxStores, World } from '../world';

export interface DumpOptions {
  /** NSX stores left out, for comparing with data that does not carry them. */
  without?: readonly (keyof NsxStores)[];
  /** NSX Map stores whose order is not compared: their entries sorted by key. */
  unordered?: readonly (keyof NsxStores)[];
}

const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v.entries()] : v)));

const byKey = <T>(m: Map<string, T>): Map<string, T> => new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));

export function dumpWorld(world: World, options: DumpOptions = {}): unknown {
  const nsx = Object.fromEntries(
    Object.entries(world.nsx)
      .filter(([store]) => !options.without?.includes(store as keyof NsxStores))
      .map(([store, value]) => [
        store,
        options.unordered?.includes(store as keyof NsxStores) && value instanceof Map ? byKey(value) : value,
      ]),
  );
  return plain({ accountId: world.accountId, region: world.region, ec2: world.ec2, nsx });
}
