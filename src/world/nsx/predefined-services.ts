// The predefined NSX services a CGW rule refers to by path (`/infra/services/ICMP-ALL`, …): the 412
// services of a real NSX 4 manager (fixtures/real/nsx/services-nsx4-manager.json, see its SOURCES.md),
// converted once to the world's shape into predefined-services.json. A test checks that file against the
// export through the NSX shapes' conversion, so the mock and the snapshot reader serve the real list.
import type { NsxService } from './types';
import data from './predefined-services.json';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Shared and frozen: predefined services are read-only in NSX, and every world holds the same 412. */
const services: readonly NsxService[] = deepFreeze(data as NsxService[]);

/** Every predefined service (a new array of the shared, frozen services). */
export function predefinedServices(): NsxService[] {
  return [...services];
}
