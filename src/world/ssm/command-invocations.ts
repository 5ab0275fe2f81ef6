// Command invocations: GetCommandInvocation and ListCommandInvocations, one invocation per node a
// command went to. Invisible for a moment after SendCommand (InvocationDoesNotExist), as in SSM. Each
// read settles due invocations first, running scripts with the runner it is given (see commands.ts).
import { ssmError } from './ssm-error';
import { settleCommands } from './command-lifecycle';
import { commandIdPattern, getCommand, supportedDocuments } from './commands';
import type { Command, CommandInvocation } from './types';
import type { ScriptRunner, World } from '../world';

/**
 * GetCommandInvocation. An invocation that is not visible yet, or a command id nobody sent, is
 * InvocationDoesNotExist, as in SSM (callers poll through it).
 */
export function getCommandInvocation(
  world: World,
  commandId: string,
  instanceId: string,
  pluginName?: string,
  runScript?: ScriptRunner,
): { command: Command; invocation: CommandInvocation } {
  settleCommands(world, runScript);
  if (!commandIdPattern.test(commandId)) throw ssmError('InvalidCommandId', `Command ID ${commandId} is not valid.`);
  if (!/^(i-([0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$/.test(instanceId))
    throw ssmError('InvalidInstanceId', `Instance ID ${instanceId} is not valid.`);
  const command = world.ssm.commands.get(commandId);
  const invocation = command?.invocations.find((i) => i.instanceId === instanceId);
  if (!command || !invocation || world.clock() < invocation.visibleAt) throw ssmError('InvocationDoesNotExist', '');
  if (pluginName !== undefined && pluginName !== supportedDocuments[command.documentName]?.plugin) {
    throw ssmError('InvalidPluginName', `Plugin ${pluginName} is not part of document ${command.documentName}.`);
  }
  return { command, invocation };
}

export interface ListCommandInvocationsInput {
  commandId?: string;
  instanceId?: string;
}

/** ListCommandInvocations: visible invocations, newest command first. */
export function listCommandInvocations(
  world: World,
  input: ListCommandInvocationsInput = {},
  runScript?: ScriptRunner,
): { command: Command; invocation: CommandInvocation }[] {
  settleCommands(world, runScript);
  const commands = input.commandId !== undefined ? [getCommand(world, input.commandId)] : [...world.ssm.commands.values()].reverse();
  const now = world.clock();
  return commands.flatMap((command) =>
    command.invocations
      .filter((i) => i.visibleAt <= now && (input.instanceId === undefined || i.instanceId === input.instanceId))
      .map((invocation) => ({ command, invocation })),
  );
}
