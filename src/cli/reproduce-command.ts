// `vmc-reach reproduce <snapshot-dir>`: loads a customer or fixture snapshot and explains, offline, why
// one flow is or is not reachable (or prints the whole instance × VM matrix with --all).
import { Command, Option } from 'commander';
import { stat } from 'node:fs/promises';
import { formatSnapshotWarning, loadSnapshotWithWarnings } from '../snapshot';
import {
  evaluate,
  evaluateMatrix,
  iterateMatrixBriefs,
  MatrixRows,
  renderVerdict,
  resolveRef,
  statusCounts,
  unaddressedEndpoints,
  type Protocol,
  type Verdict,
  type VerdictStatus,
} from '../network';
import { exitCodes, UsageError } from './usage-error';

export interface ReproduceOptions {
  from?: string;
  to?: string;
  all?: boolean;
  json?: boolean;
  expect?: VerdictStatus;
  protocol: Protocol;
  port?: number;
}

export interface Io {
  out: (text: string) => void;
  /** Messages for the user that are not the result (stdout when absent). */
  err?: (text: string) => void;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`--port "${value}" is not a port number (1-65535).`);
  return n;
}

export function reproduceCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('reproduce')
    .description('explain offline, from a snapshot folder, whether an EC2 instance and an SDDC VM reach each other')
    .argument('<snapshot-dir>', 'folder in the snapshot format (see README: AWS CLI describe-* outputs and NSX Policy API GET bodies)')
    .option('--from <ref>', 'source: EC2 Name tag, instance id, VM display name, VM external id or IP')
    .option('--to <ref>', 'destination, same forms as --from')
    .option('--all', 'print the matrix of every EC2 instance × every SDDC VM, both directions')
    .option('--json', 'print the verdict as JSON')
    .addOption(new Option('--expect <verdict>', 'exit 1 unless the verdict is this').choices(['reachable', 'unreachable', 'indeterminate']))
    .addOption(new Option('--protocol <protocol>', 'protocol of the flow').choices(['icmp', 'tcp', 'udp']).default('icmp'))
    .option('--port <port>', 'destination port for tcp/udp', parsePort)
    .action(async (dir: string, opts: ReproduceOptions) => {
      setExit(await runReproduce(dir, opts, io));
    });
}

export async function runReproduce(dir: string, opts: ReproduceOptions, io: Io): Promise<number> {
  if (opts.all && (opts.from || opts.to))
    throw new UsageError('--all prints every pair; drop --from/--to, or drop --all to explain one flow.');
  if (opts.all && opts.expect) throw new UsageError('--expect checks one flow; use it with --from and --to, not with --all.');
  if (!opts.all && (!opts.from || !opts.to)) throw new UsageError('give both --from <ref> and --to <ref> (or --all for the whole matrix).');
  if (opts.protocol !== 'icmp' && opts.port === undefined) throw new UsageError(`--protocol ${opts.protocol} needs --port <port>.`);
  if (opts.protocol === 'icmp' && opts.port !== undefined)
    throw new UsageError(
      `--port ${opts.port} applies to TCP and UDP: add --protocol tcp or --protocol udp (the flow is ICMP echo without it).`,
    );
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UsageError(
      `snapshot folder "${dir}" does not exist or is not a folder; pass the folder that holds manifest.json, aws/ and nsx/.`,
    );
  const { world, warnings } = await loadSnapshotWithWarnings(dir);
  // What loaded with a caveat (dangling references, unknown NSX types): on stderr, so stdout stays the result.
  for (const w of warnings) (io.err ?? io.out)(`${formatSnapshotWarning(w)}\n`);
  const flowOpts = { protocol: opts.protocol, ...(opts.port !== undefined ? { port: opts.port } : {}) };

  if (opts.all) {
    const unaddressed = unaddressedEndpoints(world);
    if (opts.json) {
      const verdicts = evaluateMatrix(world, flowOpts);
      const counts = statusCounts(verdicts);
      const noAddress = unaddressed.map((u) => ({ status: 'no-ipv4-address', ...u }));
      io.out(
        `${JSON.stringify({ counts: { ...counts, noIpv4Address: unaddressed.length }, verdicts: verdicts.map(jsonVerdict), noIpv4Address: noAddress }, null, 2)}\n`,
      );
      return exitCodes.ok;
    }
    // Row by row: only each row's cell texts are kept, never the verdicts, and the text goes out in
    // chunks; a cell needs only the verdict's brief form (no hops, texts or fix), so a 1,000 × 200 matrix
    // takes about a second and little memory.
    const rows = new MatrixRows();
    for (const v of iterateMatrixBriefs(world, flowOpts)) rows.add(v);
    const { counts, flows } = rows;
    if (flows === 0 && unaddressed.length === 0) {
      io.out('the snapshot holds no running EC2 instance and SDDC VM pair to evaluate\n');
      return exitCodes.ok;
    }
    let chunk = `reachability of ${dir} (${flowText(opts)}; blocked cells give the reason code and the path it failed on, indeterminate cells what the data lacks)\n`;
    if (flows === 0) chunk += 'no EC2 instance and SDDC VM pair with IPv4 addresses to evaluate\n';
    for (const line of rows.lines(unaddressed)) {
      chunk += `${line}\n`;
      if (chunk.length > 1 << 16) {
        io.out(chunk);
        chunk = '';
      }
    }
    chunk += `\n${flows} flows: ${counts.reachable} reachable, ${counts.unreachable} unreachable, ${counts.indeterminate} indeterminate${counts.indeterminate ? ' (run --from/--to on one for its assumptions)' : ''}\n`;
    for (const u of unaddressed)
      chunk += `${u.kind === 'vm' ? 'VM' : 'EC2 instance'} ${u.name} (${u.id}): no IPv4 address, not evaluated: ${u.reason}\n`;
    io.out(chunk);
    return exitCodes.ok;
  }
  const source = resolveRef(world, opts.from!, '--from');
  const destination = resolveRef(world, opts.to!, '--to');
  if (source.kind === destination.kind) {
    throw new UsageError(
      `--from and --to are both ${source.kind === 'vm' ? 'SDDC VMs' : 'EC2 instances'}; one must be an EC2 instance and the other an SDDC VM.`,
    );
  }
  const verdict = evaluate(world, { source, destination, ...flowOpts });
  io.out(opts.json ? `${JSON.stringify(jsonVerdict(verdict), null, 2)}\n` : `${renderVerdict(verdict)}\n`);
  const failure = opts.expect ? expectationFailure(verdict, opts.expect) : null;
  if (!failure) return exitCodes.ok;
  (io.err ?? io.out)(`vmc-reach: ${failure}\n`);
  return exitCodes.expectationFailed;
}

/** Why `--expect` fails on this verdict (null when it holds). An indeterminate verdict meets only `indeterminate`. */
function expectationFailure(verdict: Verdict, expect: VerdictStatus): string | null {
  if (expect === verdict.status) return null;
  if (verdict.status === 'indeterminate') {
    return (
      `expected ${expect}, but the data cannot decide this flow: it is indeterminate (${verdict.assumptions.length} assumption(s), missing ${verdict.assumptions.map((a) => a.missing).join(', ')}). ` +
      'Add the missing data to the snapshot (each assumption says what would settle it), or use --expect indeterminate.'
    );
  }
  const b = verdict.blockedBy;
  return `--expect ${expect} does not hold: expected ${expect}, found ${verdict.status}${b ? ` (blocked by ${b.code} on the ${b.direction} path at hop ${b.hopIndex + 1}, ${b.resource.id}${b.resource.name ? ` (${b.resource.name})` : ''})` : ''}.`;
}

const flowText = (opts: ReproduceOptions): string =>
  opts.protocol === 'icmp' ? 'ICMP echo' : `${opts.protocol.toUpperCase()} port ${opts.port}`;

/** The JSON form: the verdict with the block's fix and the assumptions kept, the keys in a stable order. */
function jsonVerdict(v: Verdict): Record<string, unknown> {
  return {
    source: v.source,
    destination: v.destination,
    protocol: v.protocol,
    ...(v.port !== undefined ? { port: v.port } : {}),
    status: v.status,
    reachable: v.reachable,
    // `hop` is the number the text form prints (1-based); `hopIndex` is the 0-based index into `hops`.
    blockedBy: v.blockedBy ? { ...v.blockedBy, hop: v.blockedBy.hopIndex + 1 } : null,
    assumptions: v.assumptions,
    hops: v.hops.map((h, i) => ({ hop: i + 1, ...h })),
  };
}
