// Interrupt moderation (coalescing): when the NIC raises its interrupt for
// causes that have accumulated (received frames written to host memory,
// transmit descriptors done, LRO aggregates held).
//
// - off: at once for a receive cause; a transmit-only cause waits the transmit
//   interrupt delay (e1000 TIDV), so the cleaning usually rides on a receive
//   interrupt as in the NAPI drivers of the era.
// - fixed { usecs, frames } (ethtool rx-usecs / rx-frames): when `frames`
//   receive causes have accumulated, or `usecs` after the first cause.
// - adaptive: ixgbe's interrupt throttle rate. The interval between
//   interrupts is 1/rate, the rate one of three steps (100,000 / 20,000 /
//   8,000 interrupts per second); after each interrupt the step moves by the
//   bytes per microsecond seen since the last one (ixgbe_update_itr: above 10
//   B/µs leave lowest latency, above 20 B/µs go to bulk, at or below 20 come
//   back to low latency, at or below 10 to lowest).
//
// Contract: pure decision logic over times (ns). `dueAt` says when the
// interrupt should fire given the causes pending; the NIC arms one timer for it.
import { LINUX_CONSTANTS } from '../costs';

export type Coalescing =
  | { readonly mode: 'off' }
  | { readonly mode: 'fixed'; readonly usecs: number; readonly frames: number }
  | { readonly mode: 'adaptive'; readonly stepsPerSec?: readonly [number, number, number] };

/** e1000's default transmit interrupt delay (TIDV 64 x 1.024 µs in the 2.4-era driver): an estimate. */
export const TX_INTERRUPT_DELAY_NS = 65_536;

const ADAPTIVE_STEPS: readonly [number, number, number] = [
  LINUX_CONSTANTS.ixgbeLowestLatencyIntsPerSec.value,
  LINUX_CONSTANTS.ixgbeLowLatencyIntsPerSec.value,
  LINUX_CONSTANTS.ixgbeBulkIntsPerSec.value,
];

export class InterruptModerator {
  /** Receive causes (frames or aggregates written, frames held by LRO) since the last interrupt. */
  rxPending = 0;
  txPending = 0;
  /** Bytes received since the last interrupt (adaptive classification). */
  bytesSinceIrq = 0;
  private firstRxAt = -1;
  private firstTxAt = -1;
  private lastIrqAt = -1e18;
  /** Adaptive step: 0 lowest latency, 1 low latency, 2 bulk (ixgbe starts at 20,000/s). */
  step = 1;
  private readonly steps: readonly [number, number, number];

  constructor(readonly rule: Coalescing) {
    this.steps = rule.mode === 'adaptive' ? (rule.stepsPerSec ?? ADAPTIVE_STEPS) : ADAPTIVE_STEPS;
  }

  rx(now: number, bytes: number): void {
    if (this.rxPending === 0) this.firstRxAt = now;
    this.rxPending++;
    this.bytesSinceIrq += bytes;
  }

  tx(now: number): void {
    if (this.txPending === 0) this.firstTxAt = now;
    this.txPending++;
  }

  get pending(): boolean {
    return this.rxPending > 0 || this.txPending > 0;
  }

  /** Interval the adaptive rule enforces between interrupts now, ns. */
  get intervalNs(): number {
    return Math.round(1e9 / this.steps[this.step]!);
  }

  /** When the interrupt should fire for what is pending (>= now), or -1 if nothing is. */
  dueAt(now: number): number {
    const r = this.rule;
    let t = Infinity;
    if (this.rxPending > 0) {
      if (r.mode === 'off') t = now;
      else if (r.mode === 'fixed') t = this.rxPending >= r.frames ? now : this.firstRxAt + r.usecs * 1000;
      else t = this.lastIrqAt + this.intervalNs;
    }
    if (this.txPending > 0) {
      let tt: number;
      if (r.mode === 'off') tt = this.firstTxAt + TX_INTERRUPT_DELAY_NS;
      else if (r.mode === 'fixed') tt = this.firstTxAt + Math.max(r.usecs * 1000, TX_INTERRUPT_DELAY_NS);
      else tt = this.lastIrqAt + this.intervalNs;
      t = Math.min(t, tt);
    }
    return t === Infinity ? -1 : Math.max(now, Math.ceil(t));
  }

  /** The interrupt fires now: causes are cleared and the adaptive step updated. */
  fired(now: number): void {
    if (this.rule.mode === 'adaptive') {
      const us = Math.max(1, (now - this.lastIrqAt) / 1000);
      const bpu = this.bytesSinceIrq / us;
      if (this.step === 0) {
        if (bpu > 10) this.step = 1;
      } else if (this.step === 1) {
        if (bpu > 20) this.step = 2;
        else if (bpu <= 10) this.step = 0;
      } else if (bpu <= 20) this.step = 1;
    }
    this.lastIrqAt = now;
    this.rxPending = 0;
    this.txPending = 0;
    this.bytesSinceIrq = 0;
    this.firstRxAt = -1;
    this.firstTxAt = -1;
  }
}
