// The predefined services every world holds are the real NSX 4 manager's export, converted by these shapes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { predefinedServices } from '../../world';
import { serviceFromJson, servicesFileSchema, serviceJson, serviceJsonSchema } from './services';

const exportFile = join(__dirname, '..', '..', '..', 'fixtures', 'real', 'nsx', 'services-nsx4-manager.json');

describe('NSX services shapes', () => {
  it('the predefined services are exactly the real export converted by serviceFromJson', () => {
    const parsed = servicesFileSchema.parse(JSON.parse(readFileSync(exportFile, 'utf8')));
    const warnings: string[] = [];
    expect(parsed.results.map((s) => serviceFromJson(s, (m) => warnings.push(m)))).toEqual(predefinedServices());
    expect(warnings).toEqual([]);
  });

  it('the real export holds 412 services, ALG, ICMP and IGMP entries among them', () => {
    const kinds = new Set(predefinedServices().flatMap((s) => s.entries.map((e) => e.resourceType)));
    expect([predefinedServices().length, [...kinds].sort()]).toEqual([
      412,
      ['ALGTypeServiceEntry', 'ICMPTypeServiceEntry', 'IGMPTypeServiceEntry', 'L4PortSetServiceEntry'],
    ]);
  });

  it('every predefined service round-trips through its JSON', () => {
    for (const s of predefinedServices())
      expect(serviceFromJson(serviceJsonSchema.parse(JSON.parse(JSON.stringify(serviceJson(s)))))).toEqual(s);
  });
});
