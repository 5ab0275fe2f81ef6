// GetCommandInvocation and ListCommandInvocations on the wire. Output appears when the invocation
// ends (StandardOutputContent up to 24,000 characters, StandardErrorContent up to 8,000, a plugin's
// Output up to 2,500 with stderr after an `----------ERROR-------` line, as SSM shows it);
// ResponseCode is -1 until then. Filters as ListCommands (see commands.ts).
import { z } from 'zod';
import {
  getCommandInvocation,
  isTerminal,
  listCommandInvocations,
  ssmError,
  supportedDocuments,
  type Command,
  type CommandInvocation,
} from '../../../src/world';
import { epochSeconds } from '../protocols/ssm-json';
import { ssmOperation, type SsmOperationTable } from './operation';
import { ssmPage } from './paging';
import { checkCommandFilters, commandMatches, listInput } from './commands';

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

/** `PT1.503S`, as SSM writes ExecutionElapsedTime. */
const elapsed = (inv: CommandInvocation): string =>
  inv.result && inv.endAt !== undefined && isTerminal(inv.status) ? `PT${((inv.endAt - inv.startAt) / 1000).toFixed(3)}S` : '';

const done = (inv: CommandInvocation): boolean => isTerminal(inv.status);

function responseCode(inv: CommandInvocation): number {
  return done(inv) && inv.result && inv.status !== 'Cancelled' ? inv.result.exitCode : -1;
}

const cloudWatch = (c: Command) => ({
  CloudWatchLogGroupName: c.cloudWatchOutputConfig.cloudWatchLogGroupName ?? '',
  CloudWatchOutputEnabled: c.cloudWatchOutputConfig.cloudWatchOutputEnabled,
});

export function renderInvocation(command: Command, inv: CommandInvocation) {
  const finished = done(inv) && inv.result !== undefined;
  return {
    CommandId: command.commandId,
    InstanceId: inv.instanceId,
    Comment: command.comment,
    DocumentName: command.documentName,
    DocumentVersion: command.documentVersion,
    PluginName: supportedDocuments[command.documentName]?.plugin ?? '',
    ResponseCode: responseCode(inv),
    ExecutionStartDateTime: inv.result ? iso(inv.startAt) : '',
    ExecutionElapsedTime: elapsed(inv),
    ExecutionEndDateTime: finished ? iso(inv.endAt) : '',
    Status: inv.status,
    StatusDetails: inv.statusDetails,
    StandardOutputContent: finished ? inv.result!.stdout.slice(0, 24_000) : '',
    StandardOutputUrl: '',
    StandardErrorContent: finished ? inv.result!.stderr.slice(0, 8_000) : '',
    StandardErrorUrl: '',
    CloudWatchOutputConfig: cloudWatch(command),
  };
}

function plugin(command: Command, inv: CommandInvocation) {
  const r = done(inv) ? inv.result : undefined;
  const output = r ? (r.stderr ? `${r.stdout}\n----------ERROR-------\n${r.stderr}` : r.stdout).slice(0, 2_500) : '';
  return {
    Name: supportedDocuments[command.documentName]?.plugin ?? '',
    Status: inv.status,
    StatusDetails: inv.statusDetails,
    ResponseCode: responseCode(inv),
    ...(inv.result ? { ResponseStartDateTime: epochSeconds(inv.startAt) } : {}),
    ...(r && inv.endAt !== undefined ? { ResponseFinishDateTime: epochSeconds(inv.endAt) } : {}),
    Output: output,
    StandardOutputUrl: '',
    StandardErrorUrl: '',
    OutputS3Region: '',
    OutputS3BucketName: '',
    OutputS3KeyPrefix: '',
  };
}

export const commandInvocationOperations: SsmOperationTable = {
  GetCommandInvocation: ssmOperation({
    input: z.object({ CommandId: z.string(), InstanceId: z.string(), PluginName: z.string().optional() }),
    run: ({ world, scriptRunner }, req) => {
      const { command, invocation } = getCommandInvocation(world, req.CommandId, req.InstanceId, req.PluginName, scriptRunner);
      return renderInvocation(command, invocation);
    },
    notFound: () => ssmError('InvocationDoesNotExist', ''),
  }),
  ListCommandInvocations: ssmOperation({
    input: listInput.extend({ Details: z.boolean().optional() }),
    run: ({ world, scriptRunner }, req) => {
      checkCommandFilters(req.Filters ?? []);
      const rows = listCommandInvocations(
        world,
        {
          ...(req.CommandId !== undefined ? { commandId: req.CommandId } : {}),
          ...(req.InstanceId !== undefined ? { instanceId: req.InstanceId } : {}),
        },
        scriptRunner,
      ).filter((r) => commandMatches(r.command, req.Filters ?? []));
      const { page, NextToken } = ssmPage(rows, req, { min: 1, max: 50, default: 50 });
      return {
        CommandInvocations: page.map(({ command, invocation }) => ({
          CommandId: command.commandId,
          InstanceId: invocation.instanceId,
          InstanceName: invocation.instanceName,
          Comment: command.comment,
          DocumentName: command.documentName,
          DocumentVersion: command.documentVersion,
          RequestedDateTime: epochSeconds(command.requestedAt),
          Status: invocation.status,
          StatusDetails: invocation.statusDetails,
          TraceOutput: '',
          StandardOutputUrl: '',
          StandardErrorUrl: '',
          CommandPlugins: req.Details ? [plugin(command, invocation)] : [],
          ServiceRole: '',
          NotificationConfig: { NotificationArn: '', NotificationEvents: [], NotificationType: '' },
          CloudWatchOutputConfig: cloudWatch(command),
        })),
        ...(NextToken ? { NextToken } : {}),
      };
    },
    notFound: () => ({ CommandInvocations: [] }),
  }),
};
