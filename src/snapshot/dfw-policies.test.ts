// nsx/dfw-policies.json: written and read back unchanged, missing → the DFW is unknown and every
// verdict says it was not checked, real and hand-made forms (children, no rule_id) read, dangling
// group references warn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../network';
import { patchDfwPolicy, patchDfwRule } from '../world';
import { articleCaseB } from '../world/test-support';
import { readSnapshot } from './load-snapshot';
import { snapshotFiles } from './write-snapshot';
import { editJson, type Json } from './test-support';

const file = 'nsx/dfw-policies.json';
const caseB = () => articleCaseB();
const flowOf = (w: ReturnType<typeof caseB>) => {
  const vm = [...w.nsx.vms.values()][0]!;
  const inst = [...w.ec2.instances.values()][0]!;
  return {
    source: { kind: 'instance' as const, instanceId: inst.instanceId },
    destination: { kind: 'vm' as const, externalId: vm.externalId },
  };
};

test('policies and rules written and read back give the same verdict and the same file', () => {
  const w = caseB();
  patchDfwPolicy(w, 'micro', { category: 'Emergency', stateful: false, rules: [{ id: 'drop', action: 'DROP', sequenceNumber: 3 }] });
  patchDfwRule(w, 'default-layer3-section', 'default-layer3-rule', { action: 'DROP' });
  const files = snapshotFiles(w, { description: 'dfw' });
  const back = readSnapshot(files).world;
  expect([evaluate(back, flowOf(back)).blockedBy?.resource.id, snapshotFiles(back, { description: 'dfw' }).get(file)]).toEqual([
    '/infra/domains/cgw/security-policies/micro/rules/drop',
    files.get(file),
  ]);
});

test('a snapshot without the file: the DFW is unknown and the verdict is indeterminate with DFW_NOT_EXPORTED', () => {
  const files = snapshotFiles(caseB(), { description: 'no dfw' });
  files.delete(file);
  const w = readSnapshot(files).world;
  const v = evaluate(w, flowOf(w));
  expect([w.nsx.dfwPolicies, v.status, v.assumptions.map((a) => a.code)]).toEqual([null, 'indeterminate', ['DFW_NOT_EXPORTED']]);
});

test('the fixture snapshot of case B carries the default section, so its verdict stays determined', () => {
  const dir = join(__dirname, '..', '..', 'fixtures', 'snapshots', 'article-case-b', 'nsx', 'dfw-policies.json');
  const json = JSON.parse(readFileSync(dir, 'utf8')) as Json;
  expect(json.results.map((p: Json) => [p.id, p.rules.map((r: Json) => r.action)])).toEqual([['default-layer3-section', ['ALLOW']]]);
});

test('rules given as hierarchical children and without rule_id are read', () => {
  const files = editJson(snapshotFiles(caseB(), { description: 'x' }), file, (j: Json) => {
    j.results.push({
      id: 'h',
      category: 'Application',
      sequence_number: 1,
      children: [{ resource_type: 'ChildRule', Rule: { id: 'r', action: 'REJECT' } }],
    });
  });
  const w = readSnapshot(files).world;
  expect(evaluate(w, flowOf(w)).blockedBy?.code).toBe('DFW_RULE_REJECT');
});

test('a rule naming a group outside the export loads with a warning and makes the flow indeterminate', () => {
  const files = editJson(snapshotFiles(caseB(), { description: 'x' }), file, (j: Json) => {
    j.results.push({ id: 'p', rules: [{ id: 'r', action: 'DROP', source_groups: ['/infra/domains/cgw/groups/gone'] }] });
  });
  const { world, warnings } = readSnapshot(files);
  expect([warnings.map((x) => x.file), evaluate(world, flowOf(world)).status]).toEqual([[file], 'indeterminate']);
});
