// The IOP's DMA engine: moves payload between the OSM's pools in host memory
// and IOP memory across the host bus (DESIGN.md 1.5: the IOP's DMA engine and
// the bus pay, not the host CPU). Each transfer is programmed by the IOP
// ('dma-setup': write a chain descriptor and kick the channel), then occupies
// the bus. The engine can report failure (a seeded fraction of transfers, the
// card-side DMA-error fault): the transfer is then programmed and run again,
// so its completion is reported exactly once and only after a good transfer.
// The caller moves the bytes in its completion handler: data is never lost
// or duplicated by an error.
//
// The bus serves transfers one at a time in arrival order, so the IOP321's
// two channels would not move more bytes per second; they are not modelled
// separately.
import { LAYER, Priority, TRACE_KIND, type EventHandler, type Processor, type Rng, type Simulator } from '../../../sim';
import type { Bus, BusDirection } from '../../bus';
import type { ResolvedIopCosts } from '../../costs';
import type { OffloadCounters } from '../counters';

class Transfer {
  dir: BusDirection = 0;
  bytes = 0;
  done: EventHandler | null = null;
  kind = 0;
  arg = 0;
  obj: unknown = undefined;
  /** Trace span of the work that asked for the transfer (0 with the trace off). */
  span = 0;
}

const K_PROGRAMMED = 1;
const K_MOVED = 2;

export class DmaEngine implements EventHandler {
  /** Transfers completed successfully. */
  completed = 0;
  private readonly spare: Transfer[] = [];

  constructor(
    private readonly iop: Processor,
    private readonly bus: Bus,
    private readonly costs: ResolvedIopCosts,
    private readonly counters: OffloadCounters,
    private readonly errorRate: number,
    private readonly rng: Rng,
  ) {}

  /** Moves `bytes` in direction `dir`; `done.onEvent(kind, arg, obj)` runs once the data has crossed. */
  transfer(dir: BusDirection, bytes: number, done: EventHandler, kind: number, arg: number, obj: unknown): void {
    const t = this.spare.pop() ?? new Transfer();
    t.dir = dir;
    t.bytes = bytes;
    t.done = done;
    t.kind = kind;
    t.arg = arg;
    t.obj = obj;
    const tr = this.iop.simulator.trace;
    // On behalf of the request being handled, else (the ISM moving received data on
    // its own) a journey of its own, which the transfer's completion (a RECV_DATA) continues.
    t.span = !tr.enabled ? 0 : tr.current !== 0 ? tr.current : tr.nextSpan();
    this.program(t);
  }

  onEvent(kind: number, _arg: number, obj: unknown, sim: Simulator): void {
    const t = obj as Transfer;
    if (kind === K_PROGRAMMED) {
      this.bus.dma(t.dir, t.bytes, this, K_MOVED, 0, t);
      return;
    }
    if (this.errorRate > 0 && this.rng.bernoulli(this.errorRate)) {
      // The engine flags the chain as failed: the ISM reprograms and reruns it.
      this.counters.dmaErrors += 1;
      this.program(t);
      return;
    }
    this.completed += 1;
    const tr = sim.trace;
    const span = t.span;
    if (t.dir === 0) tr.record(sim.now, span, LAYER.ism, LAYER.pci, TRACE_KIND.dma, t.bytes, 0, this.iop.id);
    else tr.record(sim.now, span, LAYER.pci, LAYER.ism, TRACE_KIND.dma, t.bytes, 0, this.iop.id);
    const done = t.done!;
    const k = t.kind;
    const a = t.arg;
    const o = t.obj;
    t.done = null;
    t.obj = undefined;
    this.spare.push(t);
    if (!tr.enabled) {
      done.onEvent(k, a, o, sim);
      return;
    }
    // What the transfer's completion does (a reply) is on behalf of the span that started it.
    const prev = tr.current;
    tr.current = span;
    try {
      done.onEvent(k, a, o, sim);
    } finally {
      tr.current = prev;
    }
  }

  private program(t: Transfer): void {
    const o = this.costs.ops.dmaEngineSetup;
    this.iop.submit(Priority.SoftIrq, o.category, o.fixed, this, K_PROGRAMMED, 0, t);
  }
}
