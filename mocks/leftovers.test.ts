// leftovers(): what a run left behind in the world, and what it may leave.
import {
  authorizeSecurityGroupIngress,
  defaultSecurityGroup,
  describeInstances,
  patchSegment,
  revokeSecurityGroupIngress,
  runInstances,
  terminateInstances,
} from '../src/world';
import { snapshotFiles } from '../src/snapshot';
import { articleCaseB } from '../src/world/test-support';
import { leftovers } from './leftovers';

function fresh() {
  const world = articleCaseB();
  const vpcId = [...world.ec2.vpcs.keys()][0]!;
  return { world, vpcId, before: snapshotFiles(world, { description: 'before' }) };
}

test('an untouched world has no leftovers', () => {
  const { world, before } = fresh();
  expect(leftovers(world, before)).toEqual([]);
});

test('a rule added to the default SG and not revoked is a leftover naming the file', () => {
  const { world, vpcId, before } = fresh();
  authorizeSecurityGroupIngress(world, defaultSecurityGroup(world, vpcId).groupId, [
    { ipProtocol: 'icmp', ipRanges: [{ cidrIp: '10.9.9.0/24' }] },
  ]);
  expect(leftovers(world, before).join('\n')).toMatch(/aws\/describe-security-groups\.json changed/);
});

test('a rule added and revoked by its id leaves nothing', () => {
  const { world, vpcId, before } = fresh();
  const sg = defaultSecurityGroup(world, vpcId).groupId;
  const [rule] = authorizeSecurityGroupIngress(world, sg, [{ ipProtocol: 'icmp', ipRanges: [{ cidrIp: '10.9.9.0/24' }] }]);
  revokeSecurityGroupIngress(world, sg, { securityGroupRuleIds: [rule!.securityGroupRuleId] });
  expect(leftovers(world, before)).toEqual([]);
});

test('a running instance the run launched is a leftover; a terminated one is not', () => {
  const { world, vpcId, before } = fresh();
  const subnetId = [...world.ec2.subnets.values()].find((s) => s.vpcId === vpcId)!.subnetId;
  const inst = runInstances(world, { imageId: 'ami-1', subnetId });
  expect(leftovers(world, before).join('\n')).toMatch(new RegExp(`instance ${inst.instanceId} is still`));
  terminateInstances(world, [inst.instanceId]);
  describeInstances(world); // settles shutting-down → terminated (instant latency)
  expect(leftovers(world, before).filter((l) => l.includes(inst.instanceId))).toEqual([]);
});

test('a segment switched off and on again leaves nothing (its revision may move on)', () => {
  const { world, before } = fresh();
  patchSegment(world, 'cj-seg', { connectivity: 'OFF' });
  patchSegment(world, 'cj-seg', { connectivity: 'ON' });
  expect(leftovers(world, before)).toEqual([]);
});
