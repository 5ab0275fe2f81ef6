// Unit tests for CGW gateway firewall rules: PATCH, PUT with _revision, DELETE, ordering and the
// whole-policy write.
import { World } from '../world';
import { expectWorldError, dumpWorld } from '../test-support';
import { cgwRulePath, deleteCgwRule, getCgwRule, listCgwRules, patchCgwRule, putCgwRule, replaceCgwPolicyRules } from './gateway-rules';
import { connectedVpcGroupPath, patchGroup } from './groups';

const crossVpc = ['/infra/labels/cgw-cross-vpc'];

/** A world with group CJ-VM, the default uplink rule, and one user rule `cj-in`. */
const setup = () => {
  const world = new World();
  const group = patchGroup(world, 'cgw', 'cj-vm', {
    expression: [{ resourceType: 'IPAddressExpression', ipAddresses: ['192.168.100.10'] }],
  });
  const defaultRule = patchCgwRule(world, 'default-uplink-rule', {
    displayName: 'Default Uplink Rule',
    sequenceNumber: 9999,
    action: 'DROP',
    scope: ['/infra/labels/cgw-all'],
    isDefault: true,
  });
  const rule = patchCgwRule(world, 'cj-in', {
    sequenceNumber: 10,
    sourceGroups: [connectedVpcGroupPath],
    destinationGroups: [group.path],
    services: ['/infra/services/ICMP-ALL'],
    scope: crossVpc,
    direction: 'IN',
  });
  return { world, group, defaultRule, rule };
};

describe('patchCgwRule', () => {
  it('creates a rule with its path, defaults and a rule id above 1000', () => {
    const { rule, group } = setup();
    expect(rule).toMatchObject({
      id: 'cj-in',
      path: '/infra/domains/cgw/gateway-policies/default/rules/cj-in',
      displayName: 'cj-in',
      sequenceNumber: 10,
      sourceGroups: [connectedVpcGroupPath],
      destinationGroups: [group.path],
      services: ['/infra/services/ICMP-ALL'],
      scope: crossVpc,
      action: 'ALLOW',
      direction: 'IN',
      ipProtocol: 'IPV4_IPV6',
      disabled: false,
      logged: false,
      isDefault: false,
      revision: 0,
    });
    expect(rule.ruleId).toBeGreaterThan(1000);
    expect(cgwRulePath('x')).toBe('/infra/domains/cgw/gateway-policies/default/rules/x');
  });

  it('gives every new rule a new rule id', () => {
    const { world, rule, defaultRule } = setup();
    const other = patchCgwRule(world, 'other', { scope: crossVpc });
    expect(new Set([rule.ruleId, defaultRule.ruleId, other.ruleId]).size).toBe(3);
  });

  it('merges an update and bumps the revision, keeping the rule id', () => {
    const { world, rule } = setup();
    const updated = patchCgwRule(world, 'cj-in', { action: 'DROP' });
    expect(updated).toMatchObject({
      action: 'DROP',
      direction: 'IN',
      services: ['/infra/services/ICMP-ALL'],
      revision: 1,
      ruleId: rule.ruleId,
    });
  });

  it('accepts IP, CIDR and range literals and ANY as sources', () => {
    const { world } = setup();
    expect(
      patchCgwRule(world, 'lit', {
        sourceGroups: ['10.0.1.10', '10.0.0.0/16', '10.1.1.1-10.1.1.9'],
        destinationGroups: ['any'],
        scope: crossVpc,
      }).sourceGroups,
    ).toEqual(['10.0.1.10', '10.0.0.0/16', '10.1.1.1-10.1.1.9']);
  });

  it('requires a scope (500196)', () => {
    const { world } = setup();
    expectWorldError(world, () => patchCgwRule(world, 'no-scope', { action: 'ALLOW' }), {
      code: '500196',
      message: 'Rule no-scope: scope (Applied To) is required on the compute gateway',
    });
  });

  it('refuses an unknown group path (500012)', () => {
    const { world } = setup();
    expectWorldError(world, () => patchCgwRule(world, 'bad', { sourceGroups: ['/infra/domains/cgw/groups/nope'], scope: crossVpc }), {
      code: '500012',
      message: 'Rule bad: source_groups refers to /infra/domains/cgw/groups/nope, which does not exist.',
    });
  });

  it('refuses an unknown service (500012)', () => {
    const { world } = setup();
    expectWorldError(world, () => patchCgwRule(world, 'bad', { services: ['/infra/services/NOPE'], scope: crossVpc }), {
      code: '500012',
      message: 'Rule bad: service /infra/services/NOPE does not exist.',
    });
  });

  it('refuses ANY together with other entries (500196)', () => {
    const { world, group } = setup();
    expectWorldError(world, () => patchCgwRule(world, 'bad', { destinationGroups: ['ANY', group.path], scope: crossVpc }), {
      code: '500196',
      message: 'Rule bad: destination_groups: ANY must be the only element.',
    });
  });

  it('refuses an empty source list (500196)', () => {
    const { world } = setup();
    expectWorldError(world, () => patchCgwRule(world, 'bad', { sourceGroups: [], scope: crossVpc }), {
      code: '500196',
      message: 'source_groups must not be empty',
    });
  });

  it('leaves an existing rule unchanged when the update is invalid', () => {
    const { world, rule } = setup();
    expectWorldError(world, () => patchCgwRule(world, 'cj-in', { services: ['/infra/services/NOPE'] }), {
      code: '500012',
      message: 'does not exist',
    });
    expect(getCgwRule(world, 'cj-in')).toEqual(rule);
  });
});

describe('putCgwRule', () => {
  it('creates a rule without a revision', () => {
    const { world } = setup();
    expect(putCgwRule(world, 'new', { scope: crossVpc }).revision).toBe(0);
  });

  it('replaces a rule given the current revision: next revision, same rule id, unspecified fields back to defaults', () => {
    const { world, rule } = setup();
    const replaced = putCgwRule(world, 'cj-in', { scope: crossVpc, action: 'REJECT' }, 0);
    expect(replaced).toMatchObject({ action: 'REJECT', direction: 'IN_OUT', services: ['ANY'], revision: 1, ruleId: rule.ruleId });
  });

  it('detects a lost update after a PUT: the old revision is stale', () => {
    const { world } = setup();
    putCgwRule(world, 'cj-in', { scope: crossVpc }, 0);
    expectWorldError(world, () => putCgwRule(world, 'cj-in', { scope: crossVpc, action: 'DROP' }, 0), {
      code: '604',
      message: 'revision 0, current 1',
      httpStatus: 412,
    });
  });

  it('refuses a stale revision with 412 and leaves the rule unchanged', () => {
    const { world } = setup();
    patchCgwRule(world, 'cj-in', { logged: true });
    expectWorldError(world, () => putCgwRule(world, 'cj-in', { scope: crossVpc, action: 'DROP' }, 0), {
      code: '604',
      message: 'The object was modified by somebody else (revision 0, current 1). Refetch and retry.',
      httpStatus: 412,
    });
  });

  it('refuses a missing revision on an existing rule with 412', () => {
    const { world } = setup();
    expectWorldError(world, () => putCgwRule(world, 'cj-in', { scope: crossVpc }), {
      code: '604',
      message: 'revision missing, current 0',
      httpStatus: 412,
    });
  });

  it('leaves the rule unchanged, in its place, when the replacement is invalid', () => {
    const { world } = setup();
    patchCgwRule(world, 'later', { scope: crossVpc });
    expectWorldError(world, () => putCgwRule(world, 'cj-in', { action: 'DROP' }, 0), {
      code: '500196',
      message: 'scope (Applied To) is required',
    });
  });

  it('keeps the default rule the default rule', () => {
    const { world, defaultRule } = setup();
    putCgwRule(
      world,
      'default-uplink-rule',
      { scope: ['/infra/labels/cgw-all'], action: 'DROP', sequenceNumber: 9999 },
      defaultRule.revision,
    );
    expectWorldError(world, () => deleteCgwRule(world, 'default-uplink-rule'), {
      code: '500105',
      message: 'is the default rule and cannot be deleted',
      httpStatus: 403,
    });
  });
});

describe('deleteCgwRule', () => {
  it('deletes a user rule', () => {
    const { world } = setup();
    deleteCgwRule(world, 'cj-in');
    expect(listCgwRules(world).map((r) => r.id)).toEqual(['default-uplink-rule']);
  });

  it('refuses the default rule (500105, 403)', () => {
    const { world, defaultRule } = setup();
    expectWorldError(world, () => deleteCgwRule(world, 'default-uplink-rule'), {
      code: '500105',
      message: `Rule ${defaultRule.path} is the default rule and cannot be deleted.`,
      httpStatus: 403,
    });
  });

  it('answers 404 for an unknown rule', () => {
    const { world } = setup();
    expectWorldError(world, () => deleteCgwRule(world, 'nope'), { code: '500090', message: 'rule nope not found', httpStatus: 404 });
  });
});

describe('listCgwRules', () => {
  it('orders by sequence number, whatever the order of creation', () => {
    const { world } = setup();
    patchCgwRule(world, 'first', { sequenceNumber: 1, scope: crossVpc });
    patchCgwRule(world, 'middle', { sequenceNumber: 50, scope: crossVpc });
    expect(listCgwRules(world).map((r) => r.id)).toEqual(['first', 'cj-in', 'middle', 'default-uplink-rule']);
  });

  it('breaks ties by rule id (creation order)', () => {
    const { world } = setup();
    patchCgwRule(world, 'tie-b', { sequenceNumber: 10, scope: crossVpc });
    expect(
      listCgwRules(world)
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['cj-in', 'tie-b']);
  });
});

describe('replaceCgwPolicyRules (whole-policy write)', () => {
  it('removes every rule not given, the default rule included', () => {
    const { world } = setup();
    replaceCgwPolicyRules(world, [{ id: 'only', scope: crossVpc, action: 'DROP' }]);
    expect(listCgwRules(world).map((r) => r.id)).toEqual(['only']);
  });

  it('keeps the rule id of a rule it rewrites and gives new rules fresh ids', () => {
    const { world, rule, defaultRule } = setup();
    const [kept, fresh] = replaceCgwPolicyRules(world, [
      { id: 'cj-in', scope: crossVpc },
      { id: 'new', scope: crossVpc },
    ]);
    expect(kept!.ruleId).toBe(rule.ruleId);
    expect([rule.ruleId, defaultRule.ruleId]).not.toContain(fresh!.ruleId);
  });

  it('restores every rule when one of the new rules is invalid', () => {
    const { world } = setup();
    const before = dumpWorld(world);
    expectWorldError(
      world,
      () =>
        replaceCgwPolicyRules(world, [
          { id: 'ok', scope: crossVpc },
          { id: 'bad', services: ['/infra/services/NOPE'], scope: crossVpc },
        ]),
      {
        code: '500012',
        message: 'service /infra/services/NOPE does not exist',
      },
    );
    expect(dumpWorld(world)).toEqual(before);
  });
});

describe('scope (Applied To)', () => {
  it('refuses a label that does not exist (500012)', () => {
    const world = new World();
    expectWorldError(world, () => patchCgwRule(world, 'r', { scope: ['/infra/labels/cgw-vpc'] }), {
      code: '500012',
      message: 'scope refers to /infra/labels/cgw-vpc, which does not exist',
    });
  });
});

describe('description', () => {
  it('is kept by PATCH and merged over', () => {
    const world = new World();
    patchCgwRule(world, 'r', { scope: crossVpc, description: 'why' });
    expect(patchCgwRule(world, 'r', { sequenceNumber: 5 }).description).toBe('why');
  });
});
