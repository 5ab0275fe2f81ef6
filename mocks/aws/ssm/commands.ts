// SendCommand, ListCommands and CancelCommand on the wire. ListCommands filters (lowercase `key`/
// `value`, as SSM has them): InvokedAfter, InvokedBefore, Status, DocumentName, ExecutionStage
// (Executing | Complete). Unknown keys are InvalidFilterKey.
import { z } from 'zod';
import { cancelCommand, commandProgress, listCommands, sendCommand, ssmError, type Command, type World } from '../../../src/world';
import { epochSeconds } from '../protocols/ssm-json';
import { ssmOperation, type SsmOperationTable } from './operation';
import { ssmPage } from './paging';

export function renderCommand(world: World, c: Command) {
  const progress = commandProgress(c);
  return {
    CommandId: c.commandId,
    DocumentName: c.documentName,
    DocumentVersion: c.documentVersion,
    Comment: c.comment,
    ExpiresAfter: epochSeconds(c.expiresAfter),
    Parameters: c.parameters,
    InstanceIds: c.instanceIds,
    Targets: c.targets.map((t) => ({ Key: t.key, Values: t.values })),
    RequestedDateTime: epochSeconds(c.requestedAt),
    Status: progress.status,
    StatusDetails: progress.status,
    OutputS3Region: world.region,
    OutputS3BucketName: '',
    OutputS3KeyPrefix: '',
    MaxConcurrency: c.maxConcurrency,
    MaxErrors: c.maxErrors,
    TargetCount: c.invocations.length,
    CompletedCount: progress.completedCount,
    ErrorCount: progress.errorCount,
    DeliveryTimedOutCount: 0,
    ServiceRole: '',
    NotificationConfig: { NotificationArn: '', NotificationEvents: [], NotificationType: '' },
    CloudWatchOutputConfig: {
      CloudWatchLogGroupName: c.cloudWatchOutputConfig.cloudWatchLogGroupName ?? '',
      CloudWatchOutputEnabled: c.cloudWatchOutputConfig.cloudWatchOutputEnabled,
    },
    TimeoutSeconds: c.timeoutSeconds,
  };
}

const commandFilter = z.object({ key: z.string(), value: z.string() });
export type CommandFilter = z.infer<typeof commandFilter>;

const dateOf = (v: string): number => {
  const t = Date.parse(v);
  if (Number.isNaN(t))
    throw ssmError('ValidationException', `Filter value ${v} is not a valid date (ISO 8601, e.g. 2026-11-25T00:00:00Z).`);
  return t;
};

const filterKeys = new Set(['InvokedAfter', 'InvokedBefore', 'Status', 'DocumentName', 'ExecutionStage']);

/** Refuses unknown filter keys whether or not there is anything to filter, as SSM does. */
export function checkCommandFilters(filters: readonly CommandFilter[]): void {
  for (const f of filters) if (!filterKeys.has(f.key)) throw ssmError('InvalidFilterKey', `The filter key ${f.key} is not valid.`);
}

/** Applies ListCommands/ListCommandInvocations filters to commands. */
export function commandMatches(c: Command, filters: readonly CommandFilter[]): boolean {
  return filters.every((f) => {
    switch (f.key) {
      case 'InvokedAfter':
        return c.requestedAt >= dateOf(f.value);
      case 'InvokedBefore':
        return c.requestedAt <= dateOf(f.value);
      case 'Status':
        return commandProgress(c).status === f.value;
      case 'DocumentName':
        return c.documentName === f.value;
      case 'ExecutionStage': {
        const status = commandProgress(c).status;
        return f.value === 'Executing' ? status === 'Pending' || status === 'InProgress' : status !== 'Pending' && status !== 'InProgress';
      }
      default:
        throw ssmError('InvalidFilterKey', `The filter key ${f.key} is not valid.`);
    }
  });
}

export const listInput = z.object({
  CommandId: z.string().optional(),
  InstanceId: z.string().optional(),
  MaxResults: z.number().int().optional(),
  NextToken: z.string().optional(),
  Filters: z.array(commandFilter).optional(),
});

const sendInput = z.object({
  DocumentName: z.string(),
  DocumentVersion: z.string().optional(),
  DocumentHash: z.string().optional(),
  DocumentHashType: z.string().optional(),
  InstanceIds: z.array(z.string()).max(50).optional(),
  Targets: z.array(z.object({ Key: z.string(), Values: z.array(z.string()) })).optional(),
  Parameters: z.record(z.string(), z.array(z.string())).optional(),
  Comment: z.string().max(100).optional(),
  TimeoutSeconds: z.number().int().optional(),
  MaxConcurrency: z.string().optional(),
  MaxErrors: z.string().optional(),
  CloudWatchOutputConfig: z
    .object({ CloudWatchLogGroupName: z.string().optional(), CloudWatchOutputEnabled: z.boolean().optional() })
    .optional(),
});

export const commandOperations: SsmOperationTable = {
  SendCommand: ssmOperation({
    input: sendInput,
    run: ({ world, scriptRunner }, req) => {
      const command = sendCommand(
        world,
        {
          documentName: req.DocumentName,
          ...(req.DocumentVersion !== undefined ? { documentVersion: req.DocumentVersion } : {}),
          ...(req.InstanceIds ? { instanceIds: req.InstanceIds } : {}),
          ...(req.Targets ? { targets: req.Targets.map((t) => ({ key: t.Key, values: t.Values })) } : {}),
          ...(req.Parameters ? { parameters: req.Parameters } : {}),
          ...(req.Comment !== undefined ? { comment: req.Comment } : {}),
          ...(req.TimeoutSeconds !== undefined ? { timeoutSeconds: req.TimeoutSeconds } : {}),
          ...(req.MaxConcurrency !== undefined ? { maxConcurrency: req.MaxConcurrency } : {}),
          ...(req.MaxErrors !== undefined ? { maxErrors: req.MaxErrors } : {}),
          ...(req.CloudWatchOutputConfig
            ? {
                cloudWatchOutputConfig: {
                  ...(req.CloudWatchOutputConfig.CloudWatchLogGroupName !== undefined
                    ? { cloudWatchLogGroupName: req.CloudWatchOutputConfig.CloudWatchLogGroupName }
                    : {}),
                  ...(req.CloudWatchOutputConfig.CloudWatchOutputEnabled !== undefined
                    ? { cloudWatchOutputEnabled: req.CloudWatchOutputConfig.CloudWatchOutputEnabled }
                    : {}),
                },
              }
            : {}),
        },
        scriptRunner,
      );
      return { Command: renderCommand(world, command) };
    },
  }),
  ListCommands: ssmOperation({
    input: listInput,
    run: ({ world, scriptRunner }, req) => {
      checkCommandFilters(req.Filters ?? []);
      const commands = listCommands(
        world,
        {
          ...(req.CommandId !== undefined ? { commandId: req.CommandId } : {}),
          ...(req.InstanceId !== undefined ? { instanceId: req.InstanceId } : {}),
        },
        scriptRunner,
      ).filter((c) => commandMatches(c, req.Filters ?? []));
      const { page, NextToken } = ssmPage(commands, req, { min: 1, max: 50, default: 50 });
      return { Commands: page.map((c) => renderCommand(world, c)), ...(NextToken ? { NextToken } : {}) };
    },
  }),
  CancelCommand: ssmOperation({
    input: z.object({ CommandId: z.string(), InstanceIds: z.array(z.string()).optional() }),
    run: ({ world, scriptRunner }, req) => {
      cancelCommand(world, req.CommandId, req.InstanceIds ?? [], scriptRunner);
      return {};
    },
  }),
};
