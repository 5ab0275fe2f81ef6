// The NSX and VMC GET bodies the client reads from the mock are the ones the snapshot format reads from
// a customer's exports (src/snapshot/schemas): a snapshot collected through this client loads as is.
import { z } from 'zod';
import { cgwRulesSchema } from '../../snapshot/schemas/cgw-rules';
import { groupsSchema } from '../../snapshot/schemas/groups';
import { linkedVpcsSchema } from '../../snapshot/schemas/linked-vpcs';
import { sddcSchema } from '../../snapshot/schemas/sddc';
import { segmentsSchema } from '../../snapshot/schemas/segments';
import { vifsSchema, virtualMachinesSchema } from '../../snapshot/schemas/virtual-machines';
import { cjVm, useVmcMock } from '../test-support/vmc-bed';

const bed = useVmcMock();
const asList = <T>(results: T[]) => ({ results, result_count: results.length });
const problems = (schema: z.ZodType, value: unknown): string[] => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('segments, groups, rules, linked VPCs, VMs, VIFs and the SDDC parse with the snapshot schemas', async () => {
  const b = bed();
  const client = b.client();
  const { nsx } = await client.connect();
  await nsx.segments.patch('cj-seg', { subnets: [{ gateway_address: '192.168.100.1/24' }] });
  const g = await nsx.groups.patch('cj-vm', {
    expression: [{ resource_type: 'Condition', member_type: 'VirtualMachine', key: 'Name', operator: 'EQUALS', value: cjVm.name }],
  });
  await nsx.rules.patch('cj-in', {
    sequence_number: 10,
    source_groups: ['ANY'],
    destination_groups: [g.path],
    services: ['ANY'],
    scope: ['/infra/labels/cgw-cross-vpc'],
    action: 'ALLOW',
  });
  expect([
    ...problems(segmentsSchema, asList(await nsx.segments.list())),
    ...problems(groupsSchema, asList(await nsx.groups.list())),
    ...problems(cgwRulesSchema, asList(await nsx.rules.list())),
    ...problems(linkedVpcsSchema, asList(await nsx.listLinkedVpcs())),
    ...problems(virtualMachinesSchema, asList(await nsx.listVirtualMachines())),
    ...problems(vifsSchema, asList(await nsx.listVifs())),
    ...problems(sddcSchema, await client.vmc.getSddc(b.orgId, b.sddcId)),
  ]).toEqual([]);
});
