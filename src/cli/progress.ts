// A progress bar on stderr for long runs: redrawn in place with a carriage
// return, only when the percentage changes, and only when enabled (stderr is
// a terminal, or --progress).

export interface ProgressStream {
  write(text: string): unknown;
}

export class ProgressBar {
  private last = -1;
  private shown = false;

  constructor(private readonly out: ProgressStream, private readonly enabled: boolean, private readonly label = 'simulating', private readonly width = 30) {}

  update(fraction: number): void {
    if (!this.enabled) return;
    const pct = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
    if (pct === this.last) return;
    this.last = pct;
    this.shown = true;
    const full = Math.round((pct / 100) * this.width);
    this.out.write(`\r${this.label} [${'#'.repeat(full)}${' '.repeat(this.width - full)}] ${String(pct).padStart(3)}%`);
  }

  finish(): void {
    if (this.enabled && this.shown) this.out.write('\n');
    this.shown = false;
    this.last = -1;
  }
}
