// The resource kinds, keyed by their ledger type: what `--dry-run` plans, provisioning creates and
// teardown removes all go through this table, and each kind's code is in its own module. The ledger
// types are this table's keys (LedgerType): a run's ledger records nothing else, and every kind has a
// remove step, so a type teardown cannot remove does not compile. A ledger from disk may still hold a
// type this version does not know (an older or newer version wrote it): kindOf refuses it by name.
import { cgwRule } from './cgw-rule';
import { dfwDefaultRule } from './dfw-default-rule';
import { dfwPolicy } from './dfw-policy';
import { dfwRule } from './dfw-rule';
import { group } from './group';
import { instance } from './instance';
import type { ProvisionStep, ResourceKind } from './kind';
import { networkAcl } from './network-acl';
import { networkAclAssociation } from './network-acl-association';
import { routeTable } from './route-table';
import { routeTableAssociation } from './route-table-association';
import { adoptDefaultSecurityGroup, securityGroup } from './security-group';
import { securityGroupRule } from './security-group-rule';
import { segment, waitForSegmentRoutes } from './segment';
import { segmentConnectivity } from './segment-connectivity';
import { subnet } from './subnet';
import { vm } from './vm';
import { vpc } from './vpc';
import type { LedgerType } from './ledger-types';

export const resourceKinds = {
  'ec2:vpc': vpc,
  'ec2:security-group': securityGroup,
  'ec2:security-group-rule': securityGroupRule,
  'ec2:subnet': subnet,
  'ec2:route-table': routeTable,
  'ec2:route-table-association': routeTableAssociation,
  'ec2:network-acl': networkAcl,
  'ec2:network-acl-association': networkAclAssociation,
  'ec2:instance': instance,
  'nsx:segment': segment,
  'nsx:segment-connectivity': segmentConnectivity,
  'nsx:group': group,
  'nsx:cgw-rule': cgwRule,
  'nsx:dfw-policy': dfwPolicy,
  'nsx:dfw-rule': dfwRule,
  'nsx:dfw-default-rule': dfwDefaultRule,
  'nsx:vm': vm,
} as const;

export type { LedgerType } from './ledger-types';

/** Compile-time checks: each kind sits under its own ledger type, and the table has no type the list lacks. */
const _keyedByType: { readonly [T in LedgerType]: ResourceKind<T> } = resourceKinds;
const _noOtherTypes: Exclude<keyof typeof resourceKinds, LedgerType> extends never ? true : never = true;
void _noOtherTypes;

export class UnknownLedgerTypeError extends Error {
  override readonly name = 'UnknownLedgerTypeError';
  constructor(readonly type: string) {
    super(`the ledger has an entry of a type this version cannot remove: ${type}`);
  }
}

export const isLedgerType = (type: string): type is LedgerType => Object.hasOwn(_keyedByType, type);

/** The kind a ledger entry's type names; an unknown type fails loudly, naming it. */
export function kindOf(type: string): ResourceKind {
  if (!isLedgerType(type)) throw new UnknownLedgerTypeError(type);
  return _keyedByType[type];
}

/** The order of the kinds' lines in the `--dry-run` plan. */
export const planOrder: readonly ResourceKind[] = [segment, group, dfwRule, dfwDefaultRule, cgwRule, securityGroup, subnet, instance, vm];

/**
 * Provisioning, in order: what later kinds refer to first (segments before the groups naming them,
 * groups before rules, security groups and subnets before instances). The run checks for an interrupt
 * before each stage; the steps of a stage run back to back.
 */
export const provisionStages: readonly (readonly ProvisionStep[])[] = [
  [adoptDefaultSecurityGroup],
  [segment.provision],
  [group.provision],
  [cgwRule.provision, dfwPolicy.provision, dfwRule.provision, dfwDefaultRule.provision],
  [securityGroup.provision],
  [subnet.provision],
  [vm.provision],
  [instance.provision, waitForSegmentRoutes],
];

/** Kinds whose entries teardown removes all at once, before the rest (instances). */
export const removedTogether: readonly ResourceKind[] = Object.values(_keyedByType).filter(
  (k: ResourceKind) => k.removeTogether !== undefined,
);

export type { ProvisionStep, RemoveOutcome, ResourceKind, SettleTogether, TeardownClients } from './kind';
