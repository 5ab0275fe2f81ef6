// `--shard <i>/<n>`: the i-th of n parts of the scenario files (jest's shard option, 1-based; jest splits
// by file, so each scenario file is one unit). A malformed value is a usage error.
import { UsageError } from './usage-error';

export function parseShard(value: string): string {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(`--shard "${value}" must be <i>/<n> with 1 <= i <= n, e.g. 1/3`);
  return `${i}/${n}`;
}
