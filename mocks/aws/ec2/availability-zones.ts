// DescribeAvailabilityZones on the wire (`ZoneName.N`, `ZoneId.N`, `AllAvailabilityZones`, filters).
// Filters: zone-name, zone-id, state, region-name, zone-type, group-name, opt-in-status.
// Mock note: no Local Zones or Wavelength Zones, so AllAvailabilityZones changes nothing.
import { describeAvailabilityZones, type AvailabilityZone } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { operation, type Ec2OperationTable } from './operation';

export const zoneFilters: FilterTable<AvailabilityZone> = {
  'zone-name': (z) => z.zoneName,
  'zone-id': (z) => z.zoneId,
  state: (z) => z.state,
  'region-name': (z) => z.regionName,
  'zone-type': (z) => z.zoneType,
  'group-name': (z) => z.groupName,
  'opt-in-status': (z) => z.optInStatus,
};

export const availabilityZoneOperations: Ec2OperationTable = {
  DescribeAvailabilityZones: operation({
    parse: (p) => {
      p.bool('AllAvailabilityZones');
      return { zoneNames: p.strings('ZoneName'), zoneIds: p.strings('ZoneId'), filters: p.filters() };
    },
    run: ({ world }, input) => {
      const zones = applyFilters(describeAvailabilityZones(world, input), input.filters, zoneFilters);
      return {
        availabilityZoneInfo: items(
          zones.map((z) => ({
            zoneName: z.zoneName,
            zoneState: z.state,
            regionName: z.regionName,
            messageSet: '',
            optInStatus: z.optInStatus,
            zoneId: z.zoneId,
            groupName: z.groupName,
            networkBorderGroup: z.networkBorderGroup,
            zoneType: z.zoneType,
          })),
        ),
      };
    },
  }),
};
