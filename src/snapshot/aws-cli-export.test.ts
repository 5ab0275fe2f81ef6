// Genuine AWS CLI output loads: fixtures/snapshots/aws-cli-export-case-b holds describe-* files printed by
// the AWS CLI against moto (see its SOURCE.md), with NSX files assembled by hand, as a support engineer would.
import { join, resolve } from 'node:path';
import { nameTag } from '../world';
import { loadSnapshot } from './load-snapshot';

const dir = resolve(__dirname, '..', '..', 'fixtures', 'snapshots', 'aws-cli-export-case-b');

describe('a snapshot exported with the AWS CLI', () => {
  it('loads: instances with their ENIs and groups, the cross-link ENIs, the active one from traffic_group_eni_mappings', async () => {
    const world = await loadSnapshot(join(dir));
    const instances = [...world.ec2.instances.values()];
    expect(instances.map((i) => [nameTag(i.tags), i.state, i.privateIpAddress])).toEqual([
      ['CJ-AWS01', 'running', '172.31.16.20'],
      ['CJ-AWS02', 'running', '172.31.16.21'],
    ]);
    const aws02 = instances[1]!;
    const cjSg = [...world.ec2.securityGroups.values()].find((g) => g.groupName === 'CJ-SG')!;
    expect(world.ec2.networkInterfaces.get(aws02.networkInterfaceId)!.groupIds).toEqual([cjSg.groupId]);
    const linked = world.nsx.linkedVpc!;
    expect(linked.crossLinkEniIds).toHaveLength(2);
    expect(linked.activeEni).toBe(linked.crossLinkEniIds[0]);
    const main = world.ec2.routeTables.get(linked.routeTableIds[0]!)!;
    expect(main.routes).toContainEqual(
      expect.objectContaining({ destinationCidrBlock: '192.168.100.0/24', networkInterfaceId: linked.activeEni, state: 'active' }),
    );
  });

  it('keeps the rule ids the CLI printed in describe-security-group-rules', async () => {
    const world = await loadSnapshot(dir);
    const ids = [...world.ec2.securityGroups.values()].flatMap((g) => g.rules.map((r) => r.securityGroupRuleId));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^sgr-[0-9a-f]+$/.test(id))).toBe(true);
  });
});
