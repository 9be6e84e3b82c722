// Records a sender's congestion state for the scenario tests: cwnd and
// ssthresh sampled at a fixed simulated period, plus the connection's own
// trace events (fast retransmit, recovery enter/exit, RTO with its backoff).
import type { EventHandler, Nanos, Simulator } from '../../sim';
import type { TcpConnection, TcpTraceEvent } from '../tcp';

export interface CwndSample {
  t: number;
  cwnd: number;
  ssthresh: number;
  /** Smoothed RTT in ns (0 before the first sample). */
  srtt: number;
}

export class CwndTrace implements EventHandler {
  readonly samples: CwndSample[] = [];
  readonly events: TcpTraceEvent[] = [];
  private conn: TcpConnection | null = null;
  private stopped = false;

  constructor(private readonly sim: Simulator, private readonly period: Nanos) {}

  attach(conn: TcpConnection): void {
    this.conn = conn;
    const previous = conn.onTrace;
    conn.onTrace = (ev) => {
      this.events.push(ev);
      previous?.(ev);
    };
    this.sample();
    this.sim.after(this.period, this);
  }

  stop(): void {
    this.stopped = true;
  }

  onEvent(): void {
    if (this.stopped || this.conn === null) return;
    this.sample();
    if (this.conn.state !== 'CLOSED') this.sim.after(this.period, this);
  }

  /** Samples within [from, to). */
  between(from: number, to: number): CwndSample[] {
    return this.samples.filter((s) => s.t >= from && s.t < to);
  }

  eventsOf<K extends TcpTraceEvent['kind']>(kind: K): Extract<TcpTraceEvent, { kind: K }>[] {
    return this.events.filter((e): e is Extract<TcpTraceEvent, { kind: K }> => e.kind === kind);
  }

  private sample(): void {
    const c = this.conn!;
    this.samples.push({ t: this.sim.now, cwnd: c.cwnd, ssthresh: c.ssthresh, srtt: c.srtt });
  }
}
