// Column-oriented time series in growable typed arrays: one Float64Array per
// named column, all of the same length (one row per sample). Rows are appended
// by the sampler; readers take views (no copy) or slices from a row index, so
// a worker can ship only what is new since its last message.

export class SeriesTable {
  readonly names: readonly string[];
  private cols: Float64Array[];
  private n = 0;
  private readonly index = new Map<string, number>();

  constructor(names: readonly string[], capacity = 256) {
    this.names = names;
    this.cols = names.map(() => new Float64Array(capacity));
    names.forEach((name, i) => this.index.set(name, i));
  }

  get length(): number {
    return this.n;
  }

  /** Column number of `name` (for set()); -1 when unknown. */
  column(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** Starts a new row (every column NaN until set). Returns its index. */
  addRow(): number {
    if (this.n === this.cols[0]!.length) {
      this.cols = this.cols.map((c) => {
        const g = new Float64Array(c.length * 2);
        g.set(c);
        return g;
      });
    }
    for (const c of this.cols) c[this.n] = NaN;
    return this.n++;
  }

  set(row: number, col: number, v: number): void {
    this.cols[col]![row] = v;
  }

  /** Live view of a column's filled part (valid until the next addRow). */
  get(name: string): Float64Array {
    const i = this.index.get(name);
    if (i === undefined) return new Float64Array(0);
    return this.cols[i]!.subarray(0, this.n);
  }

  /** Copies of every column from row `from` on (for posting to another thread). */
  slice(from = 0): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    const a = Math.max(0, Math.min(from, this.n));
    this.names.forEach((name, i) => {
      out[name] = this.cols[i]!.slice(a, this.n);
    });
    return out;
  }
}
