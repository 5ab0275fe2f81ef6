// The run id: given by `vmc-reach run` (VMC_REACH_RUN_ID) so every scenario of one run shares it, or
// made here for a direct jest run. Short, sortable, safe in AWS names and NSX ids; every tag and ledger
// entry of the run carries it, so it lives with the ledger, below the harness, the CLI and src/ops.
let made: string | undefined;

export function newRunId(now = new Date(), random = Math.random): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-').slice(2);
  return `vr-${stamp}-${Math.floor(random() * 0xffff)
    .toString(16)
    .padStart(4, '0')}`;
}

export function currentRunId(env: NodeJS.ProcessEnv = process.env): string {
  return env.VMC_REACH_RUN_ID ?? (made ??= newRunId());
}
