// The host side of the I2O transport (DESIGN.md 1.5), over the Bus and the
// MessagingUnit.
//
// Inbound (host to IOP), one request at a time in FIFO order: an uncached
// read of the inbound queue port pops a free frame (the host CPU stalls for
// the read, charged 'mmio'); 0xFFFFFFFF means no frame is free: the request
// stays at the head, `i2oQueueFull` counts it and the host retries after a
// back-off, never dropping or reordering. Otherwise the frame is written into
// IOP memory (posted writes across the bus), its MFA is posted back to the
// port (the doorbell) and the IOP is interrupted when that write lands.
//
// Outbound (IOP to host): the IOP's interrupt runs the ISR (HardIrq, 'irq'),
// which reads the outbound port until it reads empty (each read a stall),
// decodes each reply, charges its handling, returns the frame to the free list
// and hands the reply to the handler registered for its InitiatorContext.
//
// Requests are queued already built (SocketMessage + envelope) and flagged
// ready when the CPU job that produced them has completed.
import {
  ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type Nanos, type Processor, type Simulator,
} from '../../sim';
import {
  I2O_QUEUE_EMPTY, decodeSocketFrame, encodeSocketFrame, isI2oError, type MessagingUnit, type SocketEnvelope,
  type SocketMessage, type DecodedSocketFrame,
} from '../../i2o';
import type { Bus } from '../bus';
import type { ResolvedHostCosts } from '../costs';
import { inWindow, type FaultWindow } from './config';
import type { OffloadCounters } from './counters';

/** A request waiting for its turn on the inbound queue. */
export interface OutboundRequest {
  readonly msg: SocketMessage;
  readonly env: SocketEnvelope;
  ready: boolean;
  /** Trace span of the message (the socket call's that made it, else its own; 0 with the trace off). */
  readonly span: number;
}

// Trace: a message frame's span crosses the bus with its MFA. Inbound frames are
// keyed by their MFA, outbound (reply) frames by -1 - MFA (card/iop-messaging.ts).

/** Receives the replies of one InitiatorContext, after the ISR has charged their handling. */
export interface ReplyHandler {
  onReply(reply: DecodedSocketFrame): void;
}

/** Observes every I2O frame as it crosses the bus (real bytes, valid during the call). */
export type I2oTap = (direction: 'inbound' | 'outbound', time: Nanos, bytes: Uint8Array) => void;

const K_INBOUND_READ = 1;
const K_RETRY = 2;
const K_IRQ = 3;
const K_ISR_ENTERED = 4;
const K_OUTBOUND_READ = 5;
const K_REPLY_HANDLED = 6;
const K_RELEASE_HELD = 7;

/** Back-off before re-reading an empty inbound port (Linux i2o_msg_get_wait polls and sleeps). */
const INBOUND_RETRY_NS = 5_000;

export class HostTransport implements EventHandler {
  tap: I2oTap | null = null;
  /** Receives the IOP's inbound interrupt (kind 0) when a posted MFA lands. */
  doorbell: EventHandler | null = null;
  /** Called after the ISR has handled a batch of replies (the kernel interface runs its wake-ups). */
  onIsrDone: (() => void) | null = null;
  /** Called when reply frames go back on the outbound free list (the IOP may have replies waiting). */
  onOutboundReturned: (() => void) | null = null;
  private readonly queue: OutboundRequest[] = [];
  private qHead = 0;
  private sending = false;
  private retryArmed = false;
  private isrActive = false;
  private irqLatched = false;
  /** Trace spans of the interrupt being serviced and of one latched meanwhile (0 with the trace off). */
  private isrSpan = 0;
  private latchedSpan = 0;
  private readonly handlers = new Map<number, ReplyHandler>();
  private readonly scratch: Uint8Array;
  private readonly charges = new ChargeList();
  private readonly held: number[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly cpu: Processor,
    private readonly bus: Bus,
    private readonly mu: MessagingUnit,
    private readonly costs: ResolvedHostCosts,
    private readonly counters: OffloadCounters,
    private readonly outboundHeld: readonly FaultWindow[] = [],
  ) {
    this.scratch = new Uint8Array(mu.config.inboundFrameWords * 4);
    for (const w of outboundHeld) sim.schedule((w.atNs + w.forNs) as Nanos, this, K_RELEASE_HELD);
  }

  register(initiatorContext: number, h: ReplyHandler): void {
    this.handlers.set(initiatorContext, h);
  }

  /** Requests queued and not yet posted. */
  get backlog(): number {
    return this.queue.length - this.qHead;
  }

  enqueue(r: OutboundRequest): void {
    this.queue.push(r);
  }

  /** Starts posting if the head request is ready and nothing is in progress. */
  kick(): void {
    if (this.sending || this.retryArmed || this.qHead >= this.queue.length || !this.queue[this.qHead]!.ready) return;
    this.sending = true;
    const stall = this.bus.mmioRead();
    this.counters.mmioReads += 1;
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, this.queue[this.qHead]!.span, LAYER.i2o, LAYER.pci, TRACE_KIND.mmio, 4, (stall * this.cpu.clock) / 1e9, this.cpu.id);
    const mfa = this.mu.readInboundPort();
    this.cpu.stall('mmio', stall, this, K_INBOUND_READ, mfa);
  }

  /** The IOP raised the outbound interrupt (reply coalescing decided when); `span` is the interrupt's journey. */
  interrupt(span = 0): void {
    this.sim.schedule(this.sim.now, this, K_IRQ, span);
  }

  onEvent(kind: number, arg: number, obj: unknown): void {
    switch (kind) {
      case K_INBOUND_READ: return this.afterInboundRead(arg);
      case K_RETRY:
        this.retryArmed = false;
        return this.kick();
      case K_IRQ:
        if (this.isrActive) {
          this.irqLatched = true;
          this.latchedSpan = arg;
          return;
        }
        this.isrActive = true;
        this.isrSpan = arg;
        this.counters.interrupts += 1;
        this.sim.trace.record(this.sim.now, arg, LAYER.pci, LAYER.osm, TRACE_KIND.irq, 0, this.costs.ops.hardIrq.fixed, this.cpu.id);
        this.cpu.submit(Priority.HardIrq, 'irq', this.costs.ops.hardIrq.fixed, this, K_ISR_ENTERED);
        return;
      case K_ISR_ENTERED: return this.readOutbound();
      case K_OUTBOUND_READ: return this.afterOutboundRead(arg);
      case K_REPLY_HANDLED: return this.replyHandled(arg, obj as DecodedSocketFrame | null);
      case K_RELEASE_HELD: return this.releaseHeld();
    }
  }

  private afterInboundRead(mfa: number): void {
    this.sending = false;
    if (mfa === I2O_QUEUE_EMPTY) {
      this.counters.i2oQueueFull += 1;
      this.retryArmed = true;
      this.sim.schedule((this.sim.now + INBOUND_RETRY_NS) as Nanos, this, K_RETRY);
      return;
    }
    const req = this.queue[this.qHead]!;
    this.queue[this.qHead] = undefined as unknown as OutboundRequest;
    this.qHead += 1;
    if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
      this.queue.splice(0, this.qHead);
      this.qHead = 0;
    }
    const n = encodeSocketFrame(req.msg, req.env, this.scratch, 0);
    if (isI2oError(n)) {
      // A request the model built wrongly: count it and give the frame back unused.
      this.counters.malformedFrames += 1;
      this.mu.writeFrame(mfa, this.scratch.subarray(0, 16));
    } else {
      const bytes = this.scratch.subarray(0, n);
      this.mu.writeFrame(mfa, bytes);
      this.bus.mmioWrite(n);
      if (this.tap !== null) this.tap('inbound', this.sim.now, bytes);
      const tr = this.sim.trace;
      if (tr.enabled) {
        tr.record(this.sim.now, req.span, LAYER.osm, LAYER.i2o, TRACE_KIND['i2o-message'], n, 0, this.cpu.id);
        tr.record(this.sim.now, req.span, LAYER.i2o, LAYER.pci, TRACE_KIND['i2o-message'], n, 0, this.cpu.id);
        tr.tagKey(mfa, req.span);
      }
    }
    this.mu.postInbound(mfa);
    const landed = this.bus.mmioWrite(4);
    // The doorbell belongs to the message whose posting rang it (its span rides as the event's arg).
    if (this.doorbell !== null) this.sim.schedule(landed, this.doorbell, 0, req.span);
    this.kick();
  }

  private readOutbound(): void {
    const stall = this.bus.mmioRead();
    this.counters.mmioReads += 1;
    // The ISR's reads of the outbound port are part of the interrupt's journey.
    this.sim.trace.record(this.sim.now, this.isrSpan, LAYER.i2o, LAYER.pci, TRACE_KIND.mmio, 4, (stall * this.cpu.clock) / 1e9, this.cpu.id);
    const mfa = this.mu.readOutboundPort();
    this.cpu.stall('mmio', stall, this, K_OUTBOUND_READ, mfa);
  }

  private afterOutboundRead(mfa: number): void {
    if (mfa === I2O_QUEUE_EMPTY) {
      this.isrActive = false;
      if (this.onIsrDone !== null) this.onIsrDone();
      if (this.irqLatched) {
        this.irqLatched = false;
        this.interrupt(this.latchedSpan);
      }
      return;
    }
    const tr = this.sim.trace;
    if (tr.enabled) tr.record(this.sim.now, tr.keyTag(-1 - mfa), LAYER.pci, LAYER.i2o, TRACE_KIND['i2o-message'], 0, 0, this.cpu.id);
    const view = this.mu.outboundFrame(mfa);
    let decoded: DecodedSocketFrame | null = null;
    if (!isI2oError(view)) {
      const d = decodeSocketFrame(view);
      if (isI2oError(d)) this.counters.malformedFrames += 1;
      else decoded = d;
    }
    const c = this.charges.clear();
    const o = this.costs.ops;
    c.add(o.i2oReplyHandling.category, o.i2oReplyHandling.fixed);
    c.add(o.osmKernelInterface.category, o.osmKernelInterface.fixed);
    this.cpu.submit(Priority.HardIrq, c, 0, this, K_REPLY_HANDLED, mfa, decoded);
  }

  private replyHandled(mfa: number, reply: DecodedSocketFrame | null): void {
    if (inWindow(this.sim.now, this.outboundHeld)) this.held.push(mfa);
    else this.returnFrame(mfa);
    if (reply !== null) {
      const tr = this.sim.trace;
      if (tr.enabled) tr.record(this.sim.now, tr.takeKey(-1 - mfa), LAYER.i2o, LAYER.osm, TRACE_KIND['i2o-message'], 0, 0, this.cpu.id);
      const h = this.handlers.get(reply.frame.initiatorContext);
      if (h === undefined) this.counters.malformedFrames += 1;
      else h.onReply(reply);
    }
    this.readOutbound();
  }

  private returnFrame(mfa: number): void {
    this.mu.hostReturnOutbound(mfa);
    this.bus.mmioWrite(4);
    if (this.onOutboundReturned !== null) this.onOutboundReturned();
  }

  private releaseHeld(): void {
    if (inWindow(this.sim.now, this.outboundHeld)) return;
    while (this.held.length > 0) this.returnFrame(this.held.pop()!);
  }
}
