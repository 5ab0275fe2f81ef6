// DFW security policies in the world: the whole-policy PUT replaces the rules, `_revision` on PUT,
// evaluation order of policies and rules, and the default section's protection.
import { World } from '../world';
import {
  deleteDfwPolicy,
  getDfwPolicy,
  listDfwPolicies,
  listDfwRules,
  patchDfwPolicy,
  patchDfwRule,
  putDfwPolicy,
  putDfwRule,
} from './dfw';

test('a PUT of a policy replaces all its rules; a rule kept keeps its rule_id', () => {
  const w = new World();
  patchDfwPolicy(w, 'p', { rules: [{ id: 'a', action: 'DROP' }, { id: 'b' }] });
  const idOfA = getDfwPolicy(w, 'p').rules.get('a')!.ruleId;
  putDfwPolicy(w, 'p', { rules: [{ id: 'a', action: 'ALLOW' }] }, 0);
  const p = getDfwPolicy(w, 'p');
  expect([[...p.rules.keys()], p.rules.get('a')!.ruleId, p.rules.get('a')!.action]).toEqual([['a'], idOfA, 'ALLOW']);
});

test('a PUT at a stale revision is refused with 412 and changes nothing', () => {
  const w = new World();
  patchDfwRule(w, 'default-layer3-section', 'default-layer3-rule', { action: 'DROP' });
  expect(() => putDfwRule(w, 'default-layer3-section', 'default-layer3-rule', { action: 'ALLOW' }, 0)).toThrow(
    expect.objectContaining({ httpStatus: 412 }),
  );
  expect(getDfwPolicy(w, 'default-layer3-section').rules.get('default-layer3-rule')!.action).toBe('DROP');
});

test('policies list by category, then sequence number; rules by sequence, the default rule last', () => {
  const w = new World();
  patchDfwPolicy(w, 'app', {
    category: 'Application',
    sequenceNumber: 1,
    rules: [
      { id: 'y', sequenceNumber: 9 },
      { id: 'x', sequenceNumber: 3 },
    ],
  });
  patchDfwPolicy(w, 'env', { category: 'Environment', sequenceNumber: 50 });
  patchDfwPolicy(w, 'emergency', { category: 'Emergency', sequenceNumber: 99 });
  expect([listDfwPolicies(w).map((p) => p.id), listDfwRules(getDfwPolicy(w, 'app')).map((r) => r.id)]).toEqual([
    ['emergency', 'env', 'app', 'default-layer3-section'],
    ['x', 'y'],
  ]);
});

test('the default section cannot be deleted, nor emptied of its default rule by a PUT', () => {
  const w = new World();
  expect(() => deleteDfwPolicy(w, 'default-layer3-section')).toThrow(expect.objectContaining({ httpStatus: 403 }));
  expect(() => putDfwPolicy(w, 'default-layer3-section', { rules: [] }, 0)).toThrow(expect.objectContaining({ httpStatus: 403 }));
});

test('a rule naming a group that does not exist is refused (400)', () => {
  const w = new World();
  expect(() => patchDfwPolicy(w, 'p', { rules: [{ id: 'r', sourceGroups: ['/infra/domains/cgw/groups/none'] }] })).toThrow(
    expect.objectContaining({ httpStatus: 400 }),
  );
});
