// The snapshot's files as the readers see them: parse-and-validate on demand (once per file), and the
// helpers that turn a problem found while reading into a SnapshotError that says what to do.
import type { z } from 'zod';
import { howToProduce, requiredFiles } from './layout';
import { parseFile, reexportHint } from './parse-file';
import { SnapshotError, showValue } from './snapshot-error';
import type { SnapshotWarning } from './snapshot-warning';

export type { SnapshotWarning };

export class SnapshotSource {
  private readonly parsed = new Map<string, unknown>();
  /** The file the readers asked for last: the one an unexpected error while loading is attributed to. */
  lastRead: string | undefined;
  /** Objects loaded with a caveat and references loaded around (see SnapshotWarning). */
  readonly warnings: SnapshotWarning[] = [];
  /** Ids the readers left out with a warning (an IPv6-only subnet, an ENI without an IPv4 address): references to them are left out too. */
  readonly skipped = new Set<string>();

  /**
   * `files` maps paths relative to the snapshot folder (`aws/describe-vpcs.json`) to their text;
   * `onWarning` hears each warning (default: none kept).
   */
  constructor(
    readonly files: ReadonlyMap<string, string>,
    private readonly onWarning: (w: SnapshotWarning) => void = () => {},
  ) {}

  /** Loaded, with a caveat: the object stays in the world and the engine names what it cannot judge. */
  warn(file: string, field: string, message: string): void {
    this.push({ file, field, message: `${file}: ${field}: ${message}` });
  }

  private push(w: SnapshotWarning): void {
    this.warnings.push(w);
    this.onWarning(w);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** A file that must be present; its absence is a SnapshotError saying how to produce it. */
  read<S extends z.ZodType>(file: string, schema: S): z.output<S> {
    const found = this.readOptional(file, schema);
    if (found === undefined) {
      const why = requiredFiles.includes(file) ? 'is missing; every snapshot needs it' : 'is missing';
      throw new SnapshotError(file, '', `${file} ${why}. Create it: ${howToProduce(file)}.`);
    }
    return found;
  }

  readOptional<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
    this.lastRead = file;
    if (this.parsed.has(file)) return this.parsed.get(file) as z.output<S>;
    const text = this.files.get(file);
    if (text === undefined) return undefined;
    const value = parseFile(file, text, schema);
    this.parsed.set(file, value);
    return value;
  }

  /** A value that is well-formed JSON but wrong for the model (`problem` reads after the value). */
  invalid(file: string, field: string, value: unknown, problem: string): never {
    throw new SnapshotError(file, field, `${file}: ${field}: ${showValue(value)} ${problem}. ${reexportHint(file)}`);
  }

  /** A reference to something the snapshot does not hold: `target` is the file that should hold it. */
  dangling(file: string, field: string, value: string, target: string, alsoNot?: string): never {
    throw new SnapshotError(
      file,
      field,
      `${file}: ${field}: ${showValue(value)} is not in ${target}${alsoNot ? ` (nor ${alsoNot})` : ''}. Export all files at the same time, ` +
        `from the same account, region and SDDC and without filters, so that every reference resolves (${howToProduce(target)}).`,
    );
  }

  /**
   * A reference to something the snapshot does not hold that real exports do have (another account's
   * group, a deleted subnet): recorded as a warning, the load goes on. `consequence` says what the
   * engine does about it.
   */
  missing(file: string, field: string, value: string, target: string, consequence: string): void {
    this.push({
      file,
      field,
      missing: value,
      message: `${file}: ${field}: ${showValue(value)} is not in ${target}; ${consequence}. To include it: ${howToProduce(target)}.`,
    });
  }

  /** An object left out because the model cannot hold it (IPv6 only): a warning, and later references to it are left out too. */
  skip(file: string, field: string, id: string, why: string): void {
    this.skipped.add(id);
    this.push({ file, field, missing: id, message: `${file}: ${field}: ${showValue(id)} is left out: ${why}` });
  }

  /** The same id twice in one file. */
  duplicate(file: string, field: string, value: string): never {
    throw new SnapshotError(
      file,
      field,
      `${file}: ${field}: ${showValue(value)} appears more than once. Remove the duplicate entry or export the file again: ${howToProduce(file)}.`,
    );
  }
}
