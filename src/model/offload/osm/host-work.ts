// How the OSM spends host CPU: work happens in batches, like the stack's
// (src/net/stack/output.ts). `begin(priority)` opens one; the subsystems
// charge operations of the host cost table, queue I2O requests and queue the
// completions of parked calls into it; `commit()` submits one job. When the
// job completes its requests become ready for the inbound queue and the
// completions run: a caller sees the CPU time the work took.
import { ChargeList, type EventHandler, type Priority, type Processor, type TraceRing } from '../../../sim';
import type { HostOpName, ResolvedHostCosts } from '../../costs';
import type { HostTransport, OutboundRequest } from '../host-transport';

class Batch {
  readonly reqs: OutboundRequest[] = [];
  readonly conts: ((v: never) => void)[] = [];
  readonly vals: unknown[] = [];
}

const K_DONE = 1;

export class HostWork implements EventHandler {
  private readonly charges = new ChargeList();
  private readonly spare: Batch[] = [];
  private cur: Batch | null = null;
  private depth = 0;
  private priority: Priority = 2 as Priority;

  constructor(
    private readonly cpu: Processor,
    private readonly transport: HostTransport,
    readonly costs: ResolvedHostCosts,
  ) {}

  /** The host simulator's trace. */
  get trace(): TraceRing {
    return this.cpu.simulator.trace;
  }

  /** The host CPU's id, for trace records. */
  get cpuId(): number {
    return this.cpu.id;
  }

  begin(priority: Priority): void {
    if (this.depth === 0) {
      this.cur = this.spare.pop() ?? new Batch();
      this.charges.clear();
      this.priority = priority;
    }
    this.depth += 1;
  }

  commit(): void {
    this.depth -= 1;
    if (this.depth > 0) return;
    const b = this.cur!;
    this.cur = null;
    if (this.charges.total === 0 && b.reqs.length === 0 && b.conts.length === 0) {
      this.spare.push(b);
      return;
    }
    this.cpu.submit(this.priority, this.charges, 0, this, K_DONE, 0, b);
  }

  /** `count` executions of a host operation, each on `bytes` bytes. */
  op(name: HostOpName, count = 1, bytes = 0): void {
    const o = this.costs.ops[name];
    const c = count * (o.fixed + o.perByte * bytes);
    if (c > 0) this.charges.add(o.category, c);
  }

  post(r: OutboundRequest): void {
    this.transport.enqueue(r);
    this.cur!.reqs.push(r);
  }

  /** Runs `cont(value)` when the batch's job completes. */
  complete<T>(cont: (v: T) => void, value: T): void {
    this.cur!.conts.push(cont as (v: never) => void);
    this.cur!.vals.push(value);
  }

  onEvent(_kind: number, _arg: number, obj: unknown): void {
    const b = obj as Batch;
    for (const r of b.reqs) r.ready = true;
    b.reqs.length = 0;
    this.transport.kick();
    for (let i = 0; i < b.conts.length; i++) (b.conts[i] as (v: unknown) => void)(b.vals[i]);
    b.conts.length = 0;
    b.vals.length = 0;
    this.spare.push(b);
  }
}
