// The IOP side of the I2O transport and the IRTOS (DESIGN.md 1.5).
//
// Inbound: a posted MFA interrupts the IOP ('rtos', HardIrq); the handler
// pops every posted frame, decodes it, and the IRTOS dispatches each to the
// DDM registered for its TargetAddress (TID) in a job of its own ('rtos'),
// returning the frame to the inbound free list when the dispatch is done. In
// a fault window the IOP keeps consumed frames instead, so the host's port
// reads run dry (a full I2O queue); they go back when the window closes.
//
// Outbound: a reply is built ('i2o'), a host frame is popped from the
// outbound free list (when none is free the reply waits, in order, until the
// host returns one: never dropped), written into host memory by DMA across
// the bus, and posted. Reply coalescing decides when to interrupt the host:
// after `maxReplies` unsignalled replies, or when no reply followed for
// `timeout` (a gap timer restarted by each reply, like e1000's receive delay
// timer), and at the latest 4 x `timeout` after the first (its absolute timer).
import {
  ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type EventId, type Nanos, type Processor, type Simulator,
} from '../../../sim';
import {
  I2O_QUEUE_EMPTY, decodeSocketFrame, encodeSocketFrame, isI2oError, type DecodedSocketFrame, type MessagingUnit,
  type SocketEnvelope, type SocketReply,
} from '../../../i2o';
import { BUS_TO_HOST, type Bus } from '../../bus';
import type { ResolvedIopCosts } from '../../costs';
import { inWindow, type FaultWindow } from '../config';
import type { OffloadCounters } from '../counters';
import type { HostTransport, I2oTap } from '../host-transport';

/** A device-driver module on the IOP, addressed by TID. */
export interface Ddm {
  receive(request: DecodedSocketFrame): void;
}

interface PendingReply {
  msg: SocketReply;
  env: SocketEnvelope;
  mfa: number;
  /** Trace span: the request's it answers when made on its behalf, else its own (0 with the trace off). */
  span: number;
}

const K_DOORBELL = 0;
const K_IRQ_DONE = 1;
const K_DISPATCHED = 2;
const K_REPLY_BUILT = 3;
const K_REPLY_WRITTEN = 4;
const K_COALESCE_TIMER = 5;
const K_RELEASE_HELD = 6;

/**
 * The absolute bound on a reply's wait, in gap timeouts. ESTIMATE: NIC
 * moderation pairs a delay timer restarted per packet with an absolute one
 * (e1000's RDTR and RADV); 4 gaps lets a steady stream fill a batch while a
 * lone reply still waits only one gap.
 */
const ABSOLUTE_TIMEOUTS = 4;

export interface CoalesceRule {
  readonly maxReplies: number;
  readonly timeout: Nanos;
}

export class IopMessaging implements EventHandler {
  tap: I2oTap | null = null;
  /** Host interrupts raised. */
  interruptsRaised = 0;
  private readonly ddms = new Map<number, Ddm>();
  private irqPending = false;
  private readonly backlog: PendingReply[] = [];
  private unsignalled = 0;
  private firstAt = 0;
  private timer: EventId = -1;
  private readonly scratch: Uint8Array;
  private readonly charges = new ChargeList();
  private readonly heldInbound: number[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly iop: Processor,
    private readonly bus: Bus,
    private readonly mu: MessagingUnit,
    private readonly costs: ResolvedIopCosts,
    private readonly counters: OffloadCounters,
    private readonly host: HostTransport,
    private readonly coalesce: CoalesceRule,
    private readonly inboundHeld: readonly FaultWindow[] = [],
  ) {
    this.scratch = new Uint8Array(mu.config.outboundFrameWords * 4);
    for (const w of inboundHeld) sim.schedule((w.atNs + w.forNs) as Nanos, this, K_RELEASE_HELD);
  }

  register(tid: number, ddm: Ddm): void {
    this.ddms.set(tid, ddm);
  }

  /** Queues a reply to the host; replies leave in the order they were queued. */
  reply(msg: SocketReply, env: SocketEnvelope): void {
    const o = this.costs.ops.i2oReplyBuild;
    const tr = this.sim.trace;
    const span = !tr.enabled ? 0 : tr.current !== 0 ? tr.current : tr.nextSpan();
    this.iop.submit(Priority.SoftIrq, o.category, o.fixed + o.perByte * 28, this, K_REPLY_BUILT, 0, { msg, env, mfa: -1, span });
  }

  /** The host returned reply frames: replies waiting for one can go. */
  outboundReturned(): void {
    while (this.backlog.length > 0) {
      const mfa = this.mu.iopAllocOutbound();
      if (mfa === I2O_QUEUE_EMPTY) return;
      const r = this.backlog.shift()!;
      r.mfa = mfa;
      this.write(r);
    }
  }

  onEvent(kind: number, arg: number, obj: unknown): void {
    switch (kind) {
      case K_DOORBELL:
        if (this.irqPending) return;
        this.irqPending = true;
        this.counters.iopInterrupts += 1;
        // The doorbell carries the span of the message whose posting rang it (host-transport.ts).
        this.sim.trace.record(this.sim.now, arg, LAYER.pci, LAYER.irtos, TRACE_KIND.doorbell, 0, this.costs.ops.iopInterrupt.fixed, this.iop.id);
        this.iop.submit(Priority.HardIrq, 'rtos', this.costs.ops.iopInterrupt.fixed, this, K_IRQ_DONE);
        return;
      case K_IRQ_DONE: return this.drainInbound();
      case K_DISPATCHED: return this.dispatched(arg, obj as DecodedSocketFrame | null);
      case K_REPLY_BUILT: return this.built(obj as PendingReply);
      case K_REPLY_WRITTEN: return this.written(arg);
      case K_COALESCE_TIMER:
        this.timer = -1;
        if (this.unsignalled > 0) this.raise();
        return;
      case K_RELEASE_HELD:
        if (inWindow(this.sim.now, this.inboundHeld)) return;
        while (this.heldInbound.length > 0) this.mu.returnInboundFree(this.heldInbound.pop()!);
        return;
    }
  }

  private drainInbound(): void {
    this.irqPending = false;
    const d = this.costs.ops.irtosDispatch;
    for (;;) {
      const mfa = this.mu.takeInboundPost();
      if (mfa === I2O_QUEUE_EMPTY) return;
      const view = this.mu.inboundFrame(mfa);
      let req: DecodedSocketFrame | null = null;
      if (!isI2oError(view)) {
        const r = decodeSocketFrame(view);
        if (isI2oError(r)) this.counters.malformedFrames += 1;
        else req = r;
      }
      const tr = this.sim.trace;
      if (tr.enabled) tr.record(this.sim.now, tr.keyTag(mfa), LAYER.pci, LAYER.irtos, TRACE_KIND['i2o-message'], 0, 0, this.iop.id);
      const c = this.charges.clear();
      c.add(d.category, d.fixed + d.perByte * (req === null ? 0 : 4));
      this.iop.submit(Priority.SoftIrq, c, 0, this, K_DISPATCHED, mfa, req);
    }
  }

  private dispatched(mfa: number, req: DecodedSocketFrame | null): void {
    if (inWindow(this.sim.now, this.inboundHeld)) this.heldInbound.push(mfa);
    else this.mu.returnInboundFree(mfa);
    const tr = this.sim.trace;
    // The request's span crossed the bus with its MFA (inbound frames keyed by MFA, host-transport.ts).
    const span = tr.enabled ? tr.takeKey(mfa) : 0;
    if (req === null) return;
    if (tr.enabled) tr.record(this.sim.now, span, LAYER.irtos, LAYER.ism, TRACE_KIND['i2o-message'], 0, this.costs.ops.irtosDispatch.fixed, this.iop.id);
    const ddm = this.ddms.get(req.frame.targetTid);
    if (ddm === undefined) this.counters.malformedFrames += 1;
    else if (!tr.enabled) ddm.receive(req);
    else {
      // Replies and DMA the ISM makes while handling the request carry its span.
      const prev = tr.current;
      tr.current = span;
      try {
        ddm.receive(req);
      } finally {
        tr.current = prev;
      }
    }
  }

  private built(r: PendingReply): void {
    if (this.backlog.length > 0) {
      this.backlog.push(r);
      return;
    }
    const mfa = this.mu.iopAllocOutbound();
    if (mfa === I2O_QUEUE_EMPTY) {
      this.counters.outboundFull += 1;
      this.backlog.push(r);
      return;
    }
    r.mfa = mfa;
    this.write(r);
  }

  /** Writes the reply into its host frame by DMA across the bus; posts it when the write lands. */
  private write(r: PendingReply): void {
    const n = encodeSocketFrame(r.msg, r.env, this.scratch, 0);
    if (isI2oError(n)) {
      this.counters.malformedFrames += 1;
      return;
    }
    const bytes = this.scratch.subarray(0, n);
    this.mu.writeOutboundFrame(r.mfa, bytes);
    if (this.tap !== null) this.tap('outbound', this.sim.now, bytes);
    const tr = this.sim.trace;
    if (tr.enabled) {
      tr.record(this.sim.now, r.span, LAYER.ism, LAYER.irtos, TRACE_KIND['i2o-message'], n, 0, this.iop.id);
      tr.record(this.sim.now, r.span, LAYER.irtos, LAYER.pci, TRACE_KIND['i2o-message'], n, 0, this.iop.id);
      // Outbound frames are keyed by -1 - MFA (host-transport.ts reads the span back).
      tr.tagKey(-1 - r.mfa, r.span);
    }
    this.bus.dma(BUS_TO_HOST, n, this, K_REPLY_WRITTEN, r.mfa);
  }

  private written(mfa: number): void {
    this.mu.iopPostOutbound(mfa);
    this.unsignalled += 1;
    const now = this.sim.now;
    if (this.unsignalled === 1) this.firstAt = now;
    if (this.unsignalled >= this.coalesce.maxReplies || this.coalesce.timeout <= 0) {
      this.raise();
      return;
    }
    // The gap timer restarts with each reply, bounded by the absolute timer.
    const at = Math.min(now + this.coalesce.timeout, this.firstAt + ABSOLUTE_TIMEOUTS * this.coalesce.timeout);
    if (this.timer >= 0) this.sim.cancel(this.timer);
    this.timer = this.sim.schedule(at as Nanos, this, K_COALESCE_TIMER);
  }

  private raise(): void {
    this.unsignalled = 0;
    if (this.timer >= 0) {
      this.sim.cancel(this.timer);
      this.timer = -1;
    }
    this.interruptsRaised += 1;
    // An interrupt is the card's own work: a journey of its own, from the IOP across the
    // bus to the host's ISR (whose port reads carry it too, host-transport.ts).
    const tr = this.sim.trace;
    let span = 0;
    if (tr.enabled) {
      span = tr.nextSpan();
      tr.record(this.sim.now, span, LAYER.irtos, LAYER.pci, TRACE_KIND.irq, 0, 0, this.iop.id);
    }
    this.host.interrupt(span);
  }
}
