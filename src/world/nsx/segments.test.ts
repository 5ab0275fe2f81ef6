// Unit tests for CGW segments: PATCH/PUT/DELETE and the routes VMC keeps in the managed route tables.
import { expectWorldError, newWorldWithSddc, routesTo } from '../test-support';
import { deleteSegment, getSegment, listSegments, patchSegment, putSegment, segmentForIp, segmentPath } from './segments';
import { patchGroup } from './groups';
import { addVm } from './vms';
import { createRouteTable } from '../ec2/route-tables';

const cjSubnet = [{ gatewayAddress: '192.168.100.1/24' }];
const vmRoute = (eni: string) => ({
  destinationCidrBlock: '192.168.100.0/24',
  networkInterfaceId: eni,
  state: 'active',
  origin: 'CreateRoute',
});

const withSegment = () => {
  const base = newWorldWithSddc();
  const segment = patchSegment(base.world, 'cj-seg', { displayName: 'CJ segment', subnets: cjSubnet });
  return { ...base, segment };
};

describe('patchSegment: create', () => {
  it('creates a routed, connected segment with its derived network and path', () => {
    const { segment } = withSegment();
    expect(segment).toEqual({
      id: 'cj-seg',
      path: '/infra/tier-1s/cgw/segments/cj-seg',
      displayName: 'CJ segment',
      type: 'ROUTED',
      connectivity: 'ON',
      subnets: [{ gatewayAddress: '192.168.100.1/24', network: '192.168.100.0/24' }],
      revision: 0,
      tags: [],
    });
  });

  it('adds its CIDR to the managed (main) route table with the active ENI as target', () => {
    const { world, mainTable, activeEni } = withSegment();
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([vmRoute(activeEni)]);
  });

  it('adds no route for a segment created disconnected', () => {
    const { world, mainTable } = newWorldWithSddc();
    patchSegment(world, 'iso', { subnets: cjSubnet, connectivity: 'OFF' });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([]);
    expect(getSegment(world, 'iso')).toMatchObject({ type: 'DISCONNECTED', connectivity: 'OFF' });
  });

  it('does not touch a custom route table', () => {
    const { world, vpc } = newWorldWithSddc();
    const custom = createRouteTable(world, { vpcId: vpc.vpcId });
    patchSegment(world, 'cj-seg', { subnets: cjSubnet });
    expect(custom.routes).toEqual([
      { destinationCidrBlock: '10.0.0.0/16', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' },
    ]);
  });

  it('refuses a new segment without subnets', () => {
    const { world } = newWorldWithSddc();
    expectWorldError(world, () => patchSegment(world, 'empty', { displayName: 'x' }), {
      code: '255',
      message: 'needs subnets[].gateway_address',
    });
  });

  it('refuses a gateway address without a prefix', () => {
    const { world } = newWorldWithSddc();
    expectWorldError(world, () => patchSegment(world, 'bad', { subnets: [{ gatewayAddress: '192.168.100.1' }] }), {
      code: '255',
      message: 'Invalid gateway address 192.168.100.1',
    });
  });

  it('refuses a subnet overlapping another segment (503040)', () => {
    const { world } = withSegment();
    expectWorldError(world, () => patchSegment(world, 'other', { subnets: [{ gatewayAddress: '192.168.100.129/25' }] }), {
      code: '503040',
      message: 'Segment other subnet 192.168.100.128/25 overlaps segment cj-seg subnet 192.168.100.0/24.',
    });
    expectWorldError(world, () => patchSegment(world, 'wider', { subnets: [{ gatewayAddress: '192.168.0.1/16' }] }), {
      code: '503040',
      message: 'overlaps segment cj-seg',
    });
  });
});

describe('patchSegment: update', () => {
  it('merges: a display name change keeps the subnets and bumps the revision', () => {
    const { world } = withSegment();
    const seg = patchSegment(world, 'cj-seg', { displayName: 'renamed' });
    expect(seg).toMatchObject({
      displayName: 'renamed',
      subnets: [{ gatewayAddress: '192.168.100.1/24', network: '192.168.100.0/24' }],
      revision: 1,
      connectivity: 'ON',
    });
  });

  it('connectivity OFF removes the route and marks the segment DISCONNECTED', () => {
    const { world, mainTable } = withSegment();
    patchSegment(world, 'cj-seg', { connectivity: 'OFF' });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([]);
    expect(getSegment(world, 'cj-seg')).toMatchObject({ type: 'DISCONNECTED', connectivity: 'OFF' });
  });

  it('connectivity ON again re-adds the route', () => {
    const { world, mainTable, activeEni } = withSegment();
    patchSegment(world, 'cj-seg', { connectivity: 'OFF' });
    patchSegment(world, 'cj-seg', { connectivity: 'ON' });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([vmRoute(activeEni)]);
    expect(getSegment(world, 'cj-seg')).toMatchObject({ type: 'ROUTED', connectivity: 'ON' });
  });

  it('type DISCONNECTED removes the route and type ROUTED re-adds it (as PowerCLI toggles it)', () => {
    const { world, mainTable, activeEni } = withSegment();
    patchSegment(world, 'cj-seg', { type: 'DISCONNECTED' });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([]);
    patchSegment(world, 'cj-seg', { type: 'ROUTED' });
    expect(getSegment(world, 'cj-seg')).toMatchObject({ type: 'ROUTED', connectivity: 'ON' });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([vmRoute(activeEni)]);
  });

  it('moves the route when the subnet changes', () => {
    const { world, mainTable, activeEni } = withSegment();
    patchSegment(world, 'cj-seg', { subnets: [{ gatewayAddress: '192.168.200.1/24' }] });
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([]);
    expect(routesTo(world, mainTable, '192.168.200.0/24')).toEqual([{ ...vmRoute(activeEni), destinationCidrBlock: '192.168.200.0/24' }]);
  });

  it('may keep its own subnet (no overlap with itself)', () => {
    const { world } = withSegment();
    expect(
      patchSegment(world, 'cj-seg', { subnets: [{ gatewayAddress: '192.168.100.1/24', dhcpRanges: ['192.168.100.10-192.168.100.99'] }] })
        .subnets[0]!.dhcpRanges,
    ).toEqual(['192.168.100.10-192.168.100.99']);
  });
});

describe('putSegment', () => {
  it('creates a segment without a revision', () => {
    const { world } = newWorldWithSddc();
    expect(putSegment(world, 'new', { subnets: cjSubnet }).revision).toBe(0);
  });

  it('replaces an existing segment given the current revision: fields not given fall back to defaults', () => {
    const { world } = withSegment();
    const seg = putSegment(world, 'cj-seg', { subnets: cjSubnet }, 0);
    expect(seg).toMatchObject({ displayName: 'cj-seg', revision: 1, type: 'ROUTED', connectivity: 'ON' });
  });

  it('refuses a stale revision with 412 and leaves the segment unchanged', () => {
    const { world } = withSegment();
    patchSegment(world, 'cj-seg', { displayName: 'renamed' });
    expectWorldError(world, () => putSegment(world, 'cj-seg', { displayName: 'lost update', subnets: cjSubnet }, 0), {
      code: '604',
      message: 'revision 0, current 1',
      httpStatus: 412,
    });
    expect(getSegment(world, 'cj-seg').displayName).toBe('renamed');
  });

  it('refuses a missing revision on an existing segment with 412', () => {
    const { world } = withSegment();
    expectWorldError(world, () => putSegment(world, 'cj-seg', { displayName: 'x', subnets: cjSubnet }), {
      code: '604',
      message: 'revision missing, current 0',
      httpStatus: 412,
    });
  });

  it('restores the segment, in its place, when the replacement is invalid', () => {
    const { world } = withSegment();
    patchSegment(world, 'later', { subnets: [{ gatewayAddress: '192.168.101.1/24' }] });
    expectWorldError(world, () => putSegment(world, 'cj-seg', { displayName: 'no subnets' }, 0), { code: '255', message: 'needs subnets' });
    expect(listSegments(world).map((s) => s.id)).toEqual(['cj-seg', 'later']);
  });

  it('keeps its place in the list when replaced', () => {
    const { world } = withSegment();
    patchSegment(world, 'later', { subnets: [{ gatewayAddress: '192.168.101.1/24' }] });
    putSegment(world, 'cj-seg', { subnets: cjSubnet }, 0);
    expect(listSegments(world).map((s) => s.id)).toEqual(['cj-seg', 'later']);
  });
});

describe('deleteSegment', () => {
  it('removes the segment and its route', () => {
    const { world, mainTable } = withSegment();
    deleteSegment(world, 'cj-seg');
    expect(listSegments(world)).toEqual([]);
    expect(routesTo(world, mainTable, '192.168.100.0/24')).toEqual([]);
  });

  it('keeps the management CIDR route', () => {
    const { world, mainTable, activeEni } = withSegment();
    deleteSegment(world, 'cj-seg');
    expect(routesTo(world, mainTable, '10.2.0.0/16')).toMatchObject([{ networkInterfaceId: activeEni }]);
  });

  it('is refused (500030, 400) while a group PathExpression references it', () => {
    const { world, segment } = withSegment();
    patchGroup(world, 'cgw', 'cj-vm', { expression: [{ resourceType: 'PathExpression', paths: [segment.path] }] });
    expectWorldError(world, () => deleteSegment(world, 'cj-seg'), {
      code: '500030',
      message: `Segment ${segment.path} cannot be deleted as either it has children or it is being referenced by other objects.`,
      httpStatus: 400,
    });
  });

  it('is refused (500030) while a VM sits on it', () => {
    const { world } = withSegment();
    addVm(world, {
      externalId: '5001a1b2-0000-0000-0000-000000000001',
      displayName: 'CJ-VM01',
      powerState: 'VM_RUNNING',
      tags: [],
      ipAddresses: ['192.168.100.10'],
    });
    expectWorldError(world, () => deleteSegment(world, 'cj-seg'), { code: '500030', message: 'cannot be deleted', httpStatus: 400 });
  });

  it('is refused (500030) while a VM names it as its segment', () => {
    const { world, segment } = withSegment();
    addVm(world, {
      externalId: '5001a1b2-0000-0000-0000-000000000002',
      displayName: 'no-ip',
      powerState: 'VM_STOPPED',
      tags: [],
      ipAddresses: [],
      segmentPath: segment.path,
    });
    expectWorldError(world, () => deleteSegment(world, 'cj-seg'), { code: '500030', message: 'cannot be deleted', httpStatus: 400 });
  });

  it('answers 404 for an unknown segment', () => {
    const { world } = newWorldWithSddc();
    expectWorldError(world, () => deleteSegment(world, 'nope'), { code: '500090', message: 'segment nope not found', httpStatus: 404 });
  });
});

describe('segmentForIp / segmentPath', () => {
  it('finds the segment whose subnet holds the address', () => {
    const { world } = withSegment();
    expect(segmentForIp(world, '192.168.100.10')?.id).toBe('cj-seg');
    expect(segmentForIp(world, '192.168.101.10')).toBeUndefined();
    expect(segmentPath('x')).toBe('/infra/tier-1s/cgw/segments/x');
  });
});

describe('description', () => {
  it('is kept by PATCH and dropped by a PUT that does not give it', () => {
    const { world } = newWorldWithSddc();
    patchSegment(world, 'd', { subnets: cjSubnet, description: 'test segment' });
    expect(patchSegment(world, 'd', { displayName: 'D' }).description).toBe('test segment');
    expect(putSegment(world, 'd', { subnets: cjSubnet }, 1).description).toBeUndefined();
  });
});
