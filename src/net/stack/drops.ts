// Counters of what the stack dropped, by reason (a fixed vocabulary of short
// strings such as 'ipv4-checksum', 'tcp-no-socket'). Counting allocates nothing
// once a reason has been seen.
export class DropCounters {
  private readonly byReason = new Map<string, number>();
  total = 0;

  count(reason: string): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    this.total += 1;
  }

  get(reason: string): number {
    return this.byReason.get(reason) ?? 0;
  }

  /** A plain snapshot, reasons sorted. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of [...this.byReason.keys()].sort()) out[k] = this.byReason.get(k)!;
    return out;
  }
}
