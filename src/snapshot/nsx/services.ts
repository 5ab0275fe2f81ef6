// NSX services ⇄ nsx/services.json (optional), through the NSX shapes (src/shapes/nsx/services.ts):
// services beyond the predefined ones every world has (a real NSX 4 manager's 412). The reader adds (or
// replaces) services by path and accepts the list as `{"results": [...]}` or, as some exports publish it,
// `{"services": [...]}`; the writer writes only services that differ from the predefined ones. Entry
// types the model cannot evaluate load with a warning.
import { predefinedServices, type World } from '../../world';
import { files } from '../layout';
import { serviceFromJson, serviceJson, servicesFileSchema } from '../../shapes/nsx';
import type { SnapshotSource } from '../snapshot-source';
import { nsxListJson } from '../json-shapes';

export function readServices(src: SnapshotSource, world: World): void {
  const json = src.readOptional(files.services, servicesFileSchema);
  (json?.results ?? []).forEach((s, i) => {
    const service = serviceFromJson(s, (m) => src.warn(files.services, `results[${i}]`, m));
    world.nsx.services.set(service.path, service);
  });
}

/** Undefined when the world has only the predefined services (the file is then not written). */
export function renderServices(world: World): unknown {
  const predefined = new Map(predefinedServices().map((s) => [s.path, JSON.stringify(s)]));
  const extra = [...world.nsx.services.values()].filter((s) => predefined.get(s.path) !== JSON.stringify(s));
  if (extra.length === 0) return undefined;
  return nsxListJson(extra.map(serviceJson));
}
