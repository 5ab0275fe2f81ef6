// SSM managed nodes for the SDDC VMs, looked up only when needed: a VM whose node is configured
// (live.vm / live.vms) is never looked up; the others are found by their IP through
// DescribeInstanceInformation. A failed lookup is not fatal to the scenario: the VMs it was for cannot be
// probed from, and the reason names the call and the endpoint. A node that is not Online is not used.
import { paginateDescribeInstanceInformation, type SSMClient } from '@aws-sdk/client-ssm';
import type { TargetSettings } from './target';

export interface SsmNode {
  id: string;
  ip?: string;
  pingStatus?: string;
}

/** The SSM endpoint the clients use (an override, or the regional default). */
export const ssmEndpoint = (settings: Pick<TargetSettings, 'aws' | 'region'>): string =>
  settings.aws.endpoints?.ssm ?? settings.aws.endpoint ?? `https://ssm.${settings.region}.amazonaws.com`;

/** A failed SSM call in one line: the call, the endpoint, and what came back (an HTTP 500 page is not JSON). */
export function ssmCallError(call: string, settings: Pick<TargetSettings, 'aws' | 'region'>, e: unknown): string {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  const what =
    err.name === 'SyntaxError' || /Deserialization error/.test(err.message ?? '')
      ? `HTTP ${status ?? '?'} with a body that is not SSM JSON (is ${call} implemented there?)`
      : `${err.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${(err.message ?? String(e)).split('\n')[0]}`;
  return `SSM ${call} at ${ssmEndpoint(settings)} failed: ${what}`;
}

export type NodeLookup = () => Promise<{ nodes: SsmNode[] } | { error: string }>;

/** Every managed node, read once (memoized) and only if called. */
export function nodeLookup(ssm: SSMClient, settings: Pick<TargetSettings, 'aws' | 'region'>): NodeLookup {
  let cached: Promise<{ nodes: SsmNode[] } | { error: string }> | undefined;
  return () =>
    (cached ??= (async () => {
      try {
        const nodes: SsmNode[] = [];
        for await (const page of paginateDescribeInstanceInformation({ client: ssm }, {})) {
          for (const n of page.InstanceInformationList ?? [])
            if (n.InstanceId)
              nodes.push({
                id: n.InstanceId,
                ...(n.IPAddress ? { ip: n.IPAddress } : {}),
                ...(n.PingStatus ? { pingStatus: n.PingStatus } : {}),
              });
        }
        return { nodes };
      } catch (e) {
        return { error: ssmCallError('DescribeInstanceInformation', settings, e) };
      }
    })());
}

/** The VM's node: configured, else found by IP (Online only); otherwise why the VM cannot be probed from. */
export async function vmNode(
  vm: { name: string; ip: string },
  configured: string | undefined,
  lookup: NodeLookup,
): Promise<{ nodeId: string } | { unavailable: string }> {
  if (configured) return { nodeId: configured };
  const found = await lookup();
  if ('error' in found)
    return {
      unavailable: `its SSM managed node could not be looked up (${found.error}); set live.vm.managedInstanceId to skip the lookup`,
    };
  const node = found.nodes.find((n) => n.ip === vm.ip);
  if (!node)
    return {
      unavailable: `VM ${vm.name} is not an SSM managed node: install the SSM agent and register it as a hybrid node (or set live.vm.managedInstanceId)`,
    };
  if (node.pingStatus && node.pingStatus !== 'Online')
    return {
      unavailable: `VM ${vm.name}'s SSM managed node ${node.id} is ${node.pingStatus}, not Online: the probe was not sent (start the VM's amazon-ssm-agent and check its way out to the SSM endpoints)`,
    };
  return { nodeId: node.id };
}
