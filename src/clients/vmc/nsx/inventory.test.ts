// The read-only parts of NSX through the client against the mock: predefined services, labels, the
// tier-0 groups (writes refused, 403), the realized VMs and VIFs, and the linked VPC list and object.
import { useVmcMock, cjVm, type Bed } from '../../test-support/vmc-bed';

const bed = useVmcMock();
const connect = async (b: Bed) => (await b.client().connect()).nsx;

test('services: ICMP-ALL among the list, and by id with its entries', async () => {
  const nsx = await connect(bed());
  expect((await nsx.listServices()).map((s) => s.id)).toContain('ICMP-ALL');
  await expect(nsx.getService('SSH')).resolves.toMatchObject({
    path: '/infra/services/SSH',
    service_entries: [{ resource_type: 'L4PortSetServiceEntry', l4_protocol: 'TCP', destination_ports: ['22'] }],
  });
});

test('an unknown service is 404', async () => {
  const nsx = await connect(bed());
  await expect(nsx.getService('NOPE')).rejects.toMatchObject({ status: 404 });
});

test('labels: cgw-cross-vpc is the VPC interface', async () => {
  const nsx = await connect(bed());
  expect((await nsx.listLabels()).map((l) => l.path)).toContain('/infra/labels/cgw-cross-vpc');
  await expect(nsx.getLabel('cgw-cross-vpc')).resolves.toMatchObject({
    display_name: 'VPC Interface',
    path: '/infra/labels/cgw-cross-vpc',
  });
});

test('tier-0 groups: connected_vpc is listed and read-only', async () => {
  const nsx = await connect(bed());
  expect((await nsx.listTier0Groups()).map((g) => g.id)).toEqual(['connected_vpc', 's3_prefixes', 'directConnect_prefixes']);
  await expect(nsx.getTier0Group('connected_vpc')).resolves.toMatchObject({
    path: '/infra/tier-0s/vmc/groups/connected_vpc',
    _system_owned: true,
  });
  await expect(nsx.request('PATCH', '/infra/tier-0s/vmc/groups/connected_vpc', { display_name: 'mine' })).rejects.toMatchObject({
    status: 403,
    code: 500105,
  });
  await expect(nsx.request('DELETE', '/infra/tier-0s/vmc/groups/connected_vpc')).rejects.toMatchObject({ status: 403 });
});

test('realized state: the VM with its power state and its VIF with the address', async () => {
  const nsx = await connect(bed());
  expect(await nsx.listVirtualMachines()).toEqual([
    expect.objectContaining({ external_id: cjVm.externalId, display_name: cjVm.name, power_state: 'VM_RUNNING' }),
  ]);
  expect(await nsx.listVifs()).toEqual([
    expect.objectContaining({ owner_vm_id: cjVm.externalId, ip_address_info: [{ source: 'VM_TOOLS', ip_addresses: [cjVm.ip] }] }),
  ]);
});

test('linked VPCs: the list and the object by its id', async () => {
  const b = bed();
  const nsx = await connect(b);
  const [linked] = await nsx.listLinkedVpcs();
  expect(linked).toMatchObject({ linked_vpc_id: b.vpcId, active_eni: b.activeEni });
  await expect(nsx.getLinkedVpc(linked!.id!)).resolves.toMatchObject({ linked_vpc_id: b.vpcId });
});
