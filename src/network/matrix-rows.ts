// The instance × VM matrix of a stream of verdicts (e.g. iterateMatrixBriefs), row by row, for
// `reproduce --all`: it keeps no verdict, only each row's texts as numbers into a table of distinct texts
// (one label per endpoint, a few cells), four numbers a row in one typed array, so a matrix of 400,000
// flows stays small and costs the garbage collector nothing per row. `lines` gives the text renderMatrix
// gives, one line at a time.
import type { UnaddressedEndpoint } from './endpoints';
import { noAddress, verdictCell } from './explain';
import { displayWidth, safeCell } from './terminal-text';
import type { EndpointSummary, VerdictBrief, VerdictStatus } from './verdict';

const noCell = 0; // the number of '-', the cell of a direction not seen
const reachableCell = 1;

/** One side's endpoints by id: a number each, and the number of its label. */
class Endpoints {
  readonly numbers = new Map<string, number>();
  readonly labels: number[] = [];
}

export class MatrixRows {
  /** The distinct texts, by number. */
  private readonly texts: string[] = ['-', 'reachable'];
  private readonly textNumbers = new Map<string, number>([
    ['-', noCell],
    ['reachable', reachableCell],
  ]);
  private readonly instances = new Endpoints();
  private readonly vms = new Endpoints();
  /** Instance number → VM number → row number + 1 (0 or absent: no row yet). */
  private readonly rowAt: number[][] = [];
  /** Per row: the instance label, the VM label, the EC2 → VM cell and the VM → EC2 cell (text numbers). */
  private cells = new Int32Array(4096);
  private rowCount = 0;
  /** The cell of a block by code and path, without building the text again. */
  private readonly blockedCells = new Map<string, number>();
  private lastInst = '';
  private lastVm = '';
  private lastRow = -1;
  readonly counts: Record<VerdictStatus, number> = { reachable: 0, unreachable: 0, indeterminate: 0 };
  flows = 0;

  private intern(text: string): number {
    let n = this.textNumbers.get(text);
    if (n === undefined) {
      n = this.texts.push(text) - 1;
      this.textNumbers.set(text, n);
    }
    return n;
  }

  /** verdictCell's text number, without building the text again for a block seen before. */
  private cell(v: VerdictBrief): number {
    if (v.status === 'reachable') return reachableCell;
    if (v.status !== 'unreachable' || !v.blockedBy) return this.intern(verdictCell(v));
    const key = v.blockedBy.direction === 'forward' ? v.blockedBy.code : `${v.blockedBy.code}|${v.blockedBy.direction}`;
    let n = this.blockedCells.get(key);
    if (n === undefined) {
      n = this.intern(verdictCell(v));
      this.blockedCells.set(key, n);
    }
    return n;
  }

  /** An endpoint's number on its side; its label (`name ip`) is built once. */
  private endpoint(side: Endpoints, e: EndpointSummary): number {
    let n = side.numbers.get(e.id);
    if (n === undefined) {
      n = side.labels.push(this.intern(safeCell(`${e.name} ${e.ip}`))) - 1;
      side.numbers.set(e.id, n);
    }
    return n;
  }

  private newRow(instLabel: number, vmLabel: number): number {
    const row = this.rowCount++;
    if (this.cells.length < this.rowCount * 4) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    this.cells[row * 4] = instLabel;
    this.cells[row * 4 + 1] = vmLabel;
    this.cells[row * 4 + 2] = noCell;
    this.cells[row * 4 + 3] = noCell;
    return row;
  }

  add(v: VerdictBrief): void {
    this.flows++;
    this.counts[v.status] += 1;
    const out = v.source.kind === 'instance';
    const inst = out ? v.source : v.destination;
    const vm = out ? v.destination : v.source;
    let row = this.lastRow;
    // A matrix gives both directions of a pair one after the other: the last row is usually the one.
    if (this.lastInst !== inst.id || this.lastVm !== vm.id) {
      const i = this.endpoint(this.instances, inst);
      const m = this.endpoint(this.vms, vm);
      const byVm = (this.rowAt[i] ??= []);
      row = (byVm[m] ?? 0) - 1;
      if (row < 0) {
        row = this.newRow(this.instances.labels[i]!, this.vms.labels[m]!);
        byVm[m] = row + 1;
      }
      this.lastInst = inst.id;
      this.lastVm = vm.id;
      this.lastRow = row;
    }
    this.cells[row * 4 + (out ? 2 : 3)] = this.cell(v);
  }

  *lines(unaddressed: readonly UnaddressedEndpoint[] = []): Generator<string> {
    const head = ['EC2 instance', 'SDDC VM', 'EC2 → VM', 'VM → EC2'].map((t) => this.intern(t));
    const tail = unaddressed.map((u) =>
      (u.kind === 'instance'
        ? [safeCell(`${u.name} (${noAddress})`), '(every VM)', noAddress, noAddress]
        : ['(every instance)', safeCell(`${u.name} (${noAddress})`), noAddress, noAddress]
      ).map((t) => this.intern(t)),
    );
    // Display width (wide characters and emoji take two cells), measured once per distinct text.
    const textWidth = this.texts.map((t) => displayWidth(t));
    const widths = head.map((n) => textWidth[n]!);
    for (let k = 0; k < this.rowCount * 4; k++) widths[k & 3] = Math.max(widths[k & 3]!, textWidth[this.cells[k]!]!);
    for (const row of tail) row.forEach((n, i) => (widths[i] = Math.max(widths[i]!, textWidth[n]!)));
    // Each distinct text padded once per column, not once per row.
    const padded = widths.map(() => new Map<number, string>());
    const pad = (n: number, i: number): string => {
      let text = padded[i]!.get(n);
      if (text === undefined) padded[i]!.set(n, (text = this.texts[n]! + ' '.repeat(Math.max(0, widths[i]! - textWidth[n]!))));
      return text;
    };
    const line = (a: number, b: number, c: number, d: number): string => `${pad(a, 0)}  ${pad(b, 1)}  ${pad(c, 2)}  ${pad(d, 3)}`.trimEnd();
    yield line(head[0]!, head[1]!, head[2]!, head[3]!);
    const cells = this.cells;
    for (let k = 0; k < this.rowCount * 4; k += 4) yield line(cells[k]!, cells[k + 1]!, cells[k + 2]!, cells[k + 3]!);
    for (const row of tail) yield line(row[0]!, row[1]!, row[2]!, row[3]!);
  }
}
