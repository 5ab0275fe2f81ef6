// Unit tests for DescribeAvailabilityZones: the region's zones, subnet zones, and look-ups.
import { expectWorldError } from '../test-support';
import { World } from '../world';
import { describeAvailabilityZones, regionAbbreviation } from './availability-zones';
import { createVpc } from './vpcs';
import { createSubnet } from './subnets';

describe('availability zones', () => {
  it('lists ap-northeast-1 as AWS has it: a, c and d with their zone ids', () => {
    const zones = describeAvailabilityZones(new World({ region: 'ap-northeast-1' }));
    expect(zones.map((z) => [z.zoneName, z.zoneId])).toEqual([
      ['ap-northeast-1a', 'apne1-az4'],
      ['ap-northeast-1c', 'apne1-az1'],
      ['ap-northeast-1d', 'apne1-az2'],
    ]);
  });

  it('adds a zone a subnet of the world uses', () => {
    const world = new World({ region: 'eu-central-1' });
    const vpc = createVpc(world, { cidrBlock: '10.0.0.0/16' });
    createSubnet(world, { vpcId: vpc.vpcId, cidrBlock: '10.0.1.0/24', availabilityZone: 'eu-central-1z' });
    expect(describeAvailabilityZones(world).map((z) => z.zoneName)).toContain('eu-central-1z');
  });

  it('picks zones by name or id, and refuses an unknown one', () => {
    const world = new World({ region: 'us-west-2' });
    expect(describeAvailabilityZones(world, { zoneIds: ['usw2-az2'] }).map((z) => z.zoneName)).toEqual(['us-west-2b']);
    expectWorldError(world, () => describeAvailabilityZones(world, { zoneNames: ['us-west-2q'] }), {
      code: 'InvalidParameterValue',
      message: 'Invalid availability zone: [us-west-2q]',
    });
  });

  it('abbreviates regions as zone ids do', () => {
    expect(['us-east-1', 'eu-west-3', 'ap-southeast-2', 'ca-central-1'].map(regionAbbreviation)).toEqual(['use1', 'euw3', 'apse2', 'cac1']);
  });
});
