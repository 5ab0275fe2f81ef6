// Run Command: SendCommand (validated as SSM does: the document, its parameters, targets that are
// Online managed nodes of a platform the document supports), ListCommands and CancelCommand. Invocations move on the world's clock (see
// command-lifecycle.ts); what a script prints is the business of the script runner each call passes
// (every call settles due invocations first; without a runner, scripts are refused).
// Mock note: only AWS-RunShellScript and AWS-RunPowerShellScript exist; other documents are refused.
import { ssmError } from './ssm-error';
import { describeInstanceInformation, findManagedNode } from './instance-information';
import { isTerminal, settleCommands } from './command-lifecycle';
import type { Command, CommandInvocation, ManagedNode } from './types';
import type { ScriptRunner, World } from '../world';

export { settleCommands, commandProgress, isTerminal } from './command-lifecycle';

/** The documents the mock runs, with the platforms they support and their plugin's name. */
export const supportedDocuments: Record<string, { platforms: readonly string[]; plugin: string }> = {
  'AWS-RunShellScript': { platforms: ['Linux', 'MacOS'], plugin: 'aws:runShellScript' },
  'AWS-RunPowerShellScript': { platforms: ['Windows', 'Linux'], plugin: 'aws:runPowerShellScript' },
};

const documentParameters = new Set(['commands', 'workingDirectory', 'executionTimeout']);

export interface SendCommandInput {
  documentName: string;
  documentVersion?: string;
  instanceIds?: readonly string[];
  targets?: readonly { key: string; values: readonly string[] }[];
  parameters?: Record<string, readonly string[]>;
  comment?: string;
  timeoutSeconds?: number;
  maxConcurrency?: string;
  maxErrors?: string;
  cloudWatchOutputConfig?: { cloudWatchLogGroupName?: string; cloudWatchOutputEnabled?: boolean };
}

/** A command id: a version-4-looking UUID drawn from the world's seeded generator. */
function newCommandId(world: World): string {
  const hex = world.ids.next('x').slice(2) + world.ids.next('x').slice(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function validationError(field: string, value: unknown, constraint: string): never {
  throw ssmError(
    'ValidationException',
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The nodes Targets resolve to: `InstanceIds`, or EC2 instances by `tag:<key>` / `tag-key`. */
function resolveTargets(world: World, targets: readonly { key: string; values: readonly string[] }[]): string[] {
  const ids: string[] = [];
  const online = describeInstanceInformation(world).filter((n) => n.pingStatus === 'Online');
  for (const t of targets) {
    if (t.key === 'InstanceIds') ids.push(...t.values);
    else if (t.key.startsWith('tag:') || t.key === 'tag-key') {
      const key = t.key === 'tag-key' ? undefined : t.key.slice(4);
      for (const node of online) {
        if (node.target.kind !== 'instance') continue;
        const inst = world.ec2.instances.get(node.target.instanceId);
        const hit = inst?.tags.some((tag) =>
          key === undefined ? t.values.includes(tag.key) : tag.key === key && t.values.includes(tag.value),
        );
        if (hit && !ids.includes(node.instanceId)) ids.push(node.instanceId);
      }
    } else {
      throw ssmError(
        'InvalidParameters',
        `Target key '${t.key}' is not supported by the vmc-reach mock (InstanceIds, tag:<key> and tag-key are).`,
      );
    }
  }
  return ids;
}

export function sendCommand(world: World, input: SendCommandInput, runScript?: ScriptRunner): Command {
  settleCommands(world, runScript);
  const doc = supportedDocuments[input.documentName];
  if (!input.documentName) validationError('documentName', null, 'Member must not be null');
  if (!doc) {
    throw ssmError(
      'InvalidDocument',
      `Document ${input.documentName} does not exist or is not supported by the vmc-reach mock (it runs AWS-RunShellScript and AWS-RunPowerShellScript).`,
    );
  }
  const timeoutSeconds = input.timeoutSeconds ?? 3600;
  if (timeoutSeconds < 30 || timeoutSeconds > 2_592_000)
    validationError('timeoutSeconds', timeoutSeconds, 'Member must have value between 30 and 2592000');
  const parameters = input.parameters ?? {};
  for (const name of Object.keys(parameters)) {
    if (!documentParameters.has(name))
      throw ssmError('InvalidParameters', `Parameter "${name}" is not defined in document ${input.documentName}.`);
  }
  if (!parameters['commands']?.length) throw ssmError('InvalidParameters', 'Parameter "commands" is required.');
  if (input.instanceIds?.length && input.targets?.length)
    throw ssmError('InvalidParameters', 'InstanceIds and Targets cannot both be given.');
  if (!input.instanceIds?.length && !input.targets?.length)
    throw ssmError('InvalidParameters', 'Either InstanceIds or Targets must be given.');
  const ids = input.instanceIds?.length ? [...input.instanceIds] : resolveTargets(world, input.targets ?? []);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw ssmError('DuplicateInstanceId', `Instance ${duplicate} is given more than once.`);
  const nodes: ManagedNode[] = ids.map((id) => {
    const node = findManagedNode(world, id);
    if (!node || node.pingStatus !== 'Online')
      throw ssmError('InvalidInstanceId', `Instances [[${id}]] not in a valid state for account ${world.accountId}`);
    return node;
  });
  const wrong = nodes.filter((n) => !doc.platforms.includes(n.platformType));
  if (wrong.length > 0) {
    throw ssmError(
      'UnsupportedPlatformType',
      `The document ${input.documentName} does not support the platform of ${wrong.map((n) => `${n.instanceId} (${n.platformType})`).join(', ')}.`,
    );
  }
  const now = world.clock();
  const commandId = newCommandId(world);
  const visibleAt = now + world.latency.commandVisibleMs;
  const startAt = now + Math.max(world.latency.commandVisibleMs, world.latency.commandPendingMs);
  const invocations: CommandInvocation[] = nodes.map((node) => ({
    commandId,
    instanceId: node.instanceId,
    instanceName: node.computerName,
    node,
    status: 'Pending',
    statusDetails: 'Pending',
    visibleAt,
    startAt,
  }));
  const command: Command = {
    commandId,
    documentName: input.documentName,
    documentVersion: input.documentVersion ?? '$DEFAULT',
    comment: input.comment ?? '',
    parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, [...v]])),
    instanceIds: input.instanceIds?.length ? [...ids] : [],
    targets: (input.targets ?? []).map((t) => ({ key: t.key, values: [...t.values] })),
    requestedAt: now,
    expiresAfter: now + timeoutSeconds * 1000,
    timeoutSeconds,
    maxConcurrency: input.maxConcurrency ?? '50',
    maxErrors: input.maxErrors ?? '0',
    cloudWatchOutputConfig: {
      cloudWatchOutputEnabled: input.cloudWatchOutputConfig?.cloudWatchOutputEnabled ?? false,
      ...(input.cloudWatchOutputConfig?.cloudWatchLogGroupName
        ? { cloudWatchLogGroupName: input.cloudWatchOutputConfig.cloudWatchLogGroupName }
        : {}),
    },
    cancelled: false,
    invocations,
  };
  world.ssm.commands.set(commandId, command);
  return command;
}

export const commandIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function getCommand(world: World, commandId: string): Command {
  if (!commandIdPattern.test(commandId)) throw ssmError('InvalidCommandId', `Command ID ${commandId} is not valid.`);
  const command = world.ssm.commands.get(commandId);
  if (!command) throw ssmError('InvalidCommandId', `Command ${commandId} does not exist.`);
  return command;
}

export interface ListCommandsInput {
  commandId?: string;
  instanceId?: string;
}

/** ListCommands: newest first. */
export function listCommands(world: World, input: ListCommandsInput = {}, runScript?: ScriptRunner): Command[] {
  settleCommands(world, runScript);
  if (input.commandId !== undefined) return [getCommand(world, input.commandId)];
  const all = [...world.ssm.commands.values()].reverse();
  return input.instanceId === undefined ? all : all.filter((c) => c.invocations.some((i) => i.instanceId === input.instanceId));
}

/** CancelCommand: unfinished invocations (all, or those of the given nodes) become Cancelled. */
export function cancelCommand(world: World, commandId: string, instanceIds: readonly string[] = [], runScript?: ScriptRunner): void {
  settleCommands(world, runScript);
  const command = getCommand(world, commandId);
  for (const id of instanceIds) {
    if (!command.invocations.some((i) => i.instanceId === id))
      throw ssmError('InvalidInstanceId', `Instance ${id} is not a target of command ${commandId}.`);
  }
  command.cancelled = true;
  for (const inv of command.invocations) {
    if ((instanceIds.length === 0 || instanceIds.includes(inv.instanceId)) && !isTerminal(inv.status)) {
      inv.status = 'Cancelled';
      inv.statusDetails = 'Cancelled';
    }
  }
}
