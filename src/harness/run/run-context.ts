// Everything one scenario run works with: its id, the clients, what discovery found, the ledger, the
// clock and the progress log. Passed explicitly; no globals.
import type { AwsClients } from '../../clients/aws';
import type { NsxClient, VmcClient, VmcDiscovery } from '../../clients/vmc';
import type { Ledger } from '../../target/ledger';
import type { LedgerType } from '../resources/ledger-types';
import type { TargetSettings } from '../../target/target';
import type { Clock } from '../../target/wait';

export interface RunContext {
  runId: string;
  scenario: string;
  settings: TargetSettings;
  aws: AwsClients;
  vmc: VmcClient;
  nsx: NsxClient;
  discovery: VmcDiscovery;
  /** Records only the types of the resource kinds table (src/harness/resources), each with its remove step. */
  ledger: Ledger<LedgerType>;
  clock: Clock;
  log(line: string): void;
  /** Seconds to wait for slow things (instances running, SSM online, routes realized). */
  timeouts: { instanceMs: number; ssmOnlineMs: number; routeMs: number };
}

/** The tags every AWS resource the run creates carries. */
export const awsTags = (ctx: RunContext, name: string): { Key: string; Value: string }[] => [
  { Key: 'Name', Value: name },
  { Key: 'vmc-reach:run-id', Value: ctx.runId },
  { Key: 'vmc-reach:scenario', Value: ctx.scenario.slice(0, 250) },
];

/** The TagSpecifications of an AWS resource the run creates: its name and the run's tags. */
export const tagSpec = (ctx: RunContext, type: 'security-group' | 'instance' | 'subnet' | 'route-table' | 'network-acl', name: string) => [
  { ResourceType: type, Tags: awsTags(ctx, name) },
];

/** The tags every NSX object the run creates carries. */
export const nsxTags = (ctx: RunContext): { scope: string; tag: string }[] => [{ scope: 'vmc-reach:run-id', tag: ctx.runId }];

/** NSX ids are the scenario's names made unique per run, so concurrent runs never collide. */
export const nsxId = (ctx: RunContext, id: string): string => `${id}-${ctx.runId}`.slice(0, 80);
