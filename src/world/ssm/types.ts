// The SSM side of the world: managed nodes (EC2 instances whose agent registered, and SDDC VMs that run
// the agent as hybrid managed nodes `mi-…`), Run Command commands with one invocation per node, and the
// script runner that decides what a command prints. Field names follow the SSM API (camelCase).
import type { World } from '../world';

export type PingStatus = 'Online' | 'ConnectionLost' | 'Inactive';
export type PlatformType = 'Linux' | 'Windows' | 'MacOS';

/** Where a managed node lives: the same shape as the engine's endpoint reference. */
export type NodeTarget = { kind: 'instance'; instanceId: string } | { kind: 'vm'; externalId: string };

/** One entry of DescribeInstanceInformation. Derived from the world on every read, never stored. */
export interface ManagedNode {
  /** `i-…` for EC2 instances, `mi-…` for hybrid (SDDC VM) nodes. */
  instanceId: string;
  resourceType: 'EC2Instance' | 'ManagedInstance';
  pingStatus: PingStatus;
  lastPingDateTime: number;
  platformType: PlatformType;
  platformName: string;
  platformVersion: string;
  agentVersion: string;
  isLatestVersion: boolean;
  ipAddress: string;
  computerName: string;
  /** The node's name: set at activation for hybrid nodes; absent for EC2 nodes. */
  name?: string;
  /** Hybrid nodes: the IAM service role of the activation. */
  iamRole?: string;
  activationId?: string;
  registrationDate?: number;
  sourceId: string;
  sourceType: 'AWS::EC2::Instance' | 'AWS::SSM::ManagedInstance';
  target: NodeTarget;
}

/** Command and invocation statuses, as SSM names them. */
export type CommandStatus = 'Pending' | 'InProgress' | 'Success' | 'Cancelled' | 'Failed' | 'TimedOut' | 'Cancelling';
export type InvocationStatus = 'Pending' | 'InProgress' | 'Delayed' | 'Success' | 'Cancelled' | 'TimedOut' | 'Failed' | 'Cancelling';

/** What a script printed and how it ended. */
export interface ScriptResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** How long the script itself ran, in real milliseconds (a ping's -c/-i/-W); scaled by the latency profile. */
  durationMs: number;
}

export interface ScriptRequest {
  commandId: string;
  documentName: string;
  /** The `commands` parameter of AWS-RunShellScript / AWS-RunPowerShellScript, one line per element. */
  commands: string[];
  node: ManagedNode;
}

/**
 * Runs a command's script on a node against the current world. The world cannot run anything itself
 * (it knows no network engine) and holds no runner: whoever settles commands passes one (the mock
 * context's, which answers `ping` from the engine's verdict or the lab). Without one, scripts are
 * refused (refuseScripts), so nothing succeeds by default. A runner that runs the script for real (the
 * lab) answers with a promise: the invocation stays InProgress until it settles.
 */
export type ScriptRunner = (world: World, request: ScriptRequest) => ScriptResult | Promise<ScriptResult>;

export interface CommandInvocation {
  commandId: string;
  instanceId: string;
  /** The node's name (the `Name` tag of an instance, the name of a hybrid node), '' if none. */
  instanceName: string;
  node: ManagedNode;
  status: InvocationStatus;
  statusDetails: string;
  /** Before this moment GetCommandInvocation says InvocationDoesNotExist (eventual consistency). */
  visibleAt: number;
  /** When the agent picks the command up (Pending → InProgress) and the script starts. */
  startAt: number;
  /** When the script finishes (InProgress → terminal); set when it starts. */
  endAt?: number;
  /** Set when the script has run (at startAt). */
  result?: ScriptResult;
}

export interface Command {
  commandId: string;
  documentName: string;
  documentVersion: string;
  comment: string;
  parameters: Record<string, string[]>;
  instanceIds: string[];
  targets: { key: string; values: string[] }[];
  requestedAt: number;
  expiresAfter: number;
  timeoutSeconds: number;
  maxConcurrency: string;
  maxErrors: string;
  cloudWatchOutputConfig: { cloudWatchLogGroupName?: string; cloudWatchOutputEnabled: boolean };
  /** Set by CancelCommand. */
  cancelled: boolean;
  invocations: CommandInvocation[];
}

export interface SsmStores {
  /** Keyed by command id, in the order they were sent. */
  commands: Map<string, Command>;
}
