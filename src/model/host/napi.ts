// The receive side of the host's device layer (DESIGN.md 1.2 `netdev`, Linux
// NAPI): the NIC's interrupt runs the hard IRQ handler ('irq' at
// Priority.HardIrq), which reads the NIC's cause register (an uncached MMIO
// read across the bus: a CPU stall charged 'mmio'), leaves the interrupt masked
// and raises the NET_RX softirq ('softirq' at Priority.SoftIrq).
//
// The softirq polls the device: at most `weight` (64) packets per poll, at
// most `budget` (300) packets or `budgetNs` (2 ms) per softirq run; when the
// run's budget or time is spent with packets left it re-raises itself (a new
// run, Linux's time_squeeze); a poll that finds fewer than `weight` packets
// completes NAPI and unmasks the interrupt. Per packet the driver's receive
// routine and the refill of its descriptor with a fresh skb ('driver',
// 'socket': skbAlloc is a run-time allocation) and the dispatch ('softirq');
// with GRO each packet goes through the GRO engine and in-order segments of a
// flow are merged before IP and TCP. Per packet handed to the stack the INET
// sock work and the skb free; the stack itself charges ip, tcp and checksum.
// Each poll also cleans the transmit descriptors the NIC has finished.
//
// Each poll is one CPU job; its packets go to the stack when that job
// completes, inside one stack batch, so the stack's protocol work is one more
// job right behind it.
import {
  ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type Nanos, type Processor, type Simulator,
} from '../../sim';
import type { Stack } from '../../net/stack';
import type { Bus } from '../bus';
import { TcpAggregator, tcpLayout, type InterruptLine, type Nic, type TcpLayout } from '../nic';
import { opCycles, type HostLayerCosts, type ResolvedOp } from './costs';
import type { HostNetdev } from './netdev';

export interface NapiOptions {
  weight: number;
  budget: number;
  budgetNs: number;
  gro: boolean;
  groMaxBytes: number;
  /** Charge the receive checksum here (the stack was relieved of it for the transmit side's sake). */
  softwareRxChecksum: boolean;
}

export interface NapiCounters {
  interrupts: number;
  mmioReads: number;
  softirqRuns: number;
  polls: number;
  /** Softirq runs that ended with packets left (budget or time spent). */
  timeSqueeze: number;
  rxPackets: number;
  /** Packets handed to the stack (aggregates count once). */
  delivered: number;
  groMerged: number;
  skbAllocs: number;
  /** Largest number of packets one poll took (<= weight) and one softirq run took (<= budget). */
  maxPollPackets: number;
  maxRunPackets: number;
}

const KIND_IRQ = 1;
const KIND_POLL = 2;

export class Napi implements InterruptLine, EventHandler {
  readonly counters: NapiCounters = {
    interrupts: 0, mmioReads: 0, softirqRuns: 0, polls: 0, timeSqueeze: 0, rxPackets: 0, delivered: 0, groMerged: 0, skbAllocs: 0,
    maxPollPackets: 0, maxRunPackets: 0,
  };
  private readonly charges = new ChargeList();
  private readonly deliver: Uint8Array[] = [];
  private readonly gro: TcpAggregator | null;
  private readonly layout: TcpLayout = { tcp: 0, payload: 0, payloadLen: 0 };
  private runBudget = 0;
  private runStart = 0;
  private firstPoll = false;
  private polling = false;
  private taken = 0;
  private cleaned = 0;

  constructor(
    private readonly sim: Simulator, private readonly cpu: Processor, private readonly nic: Nic,
    private readonly netdev: HostNetdev, private readonly stack: Stack, private readonly bus: Bus | null,
    private readonly costs: HostLayerCosts, private readonly checksum: ResolvedOp, private readonly o: NapiOptions,
  ) {
    this.gro = o.gro ? new TcpAggregator(nic.rxPool, o.groMaxBytes, 8, sim.trace) : null;
  }

  /** The NIC asserts its interrupt (already masked on its side). */
  interrupt(): void {
    this.counters.interrupts++;
    const h = this.costs.hardIrq;
    this.cpu.submit(Priority.HardIrq, h.category, opCycles(h), this, KIND_IRQ);
  }

  onEvent(kind: number): void {
    if (kind === KIND_IRQ) {
      this.irqHandler();
      return;
    }
    this.pollDone();
  }

  private irqHandler(): void {
    let stall = 0;
    for (let i = 0; i < this.costs.mmioReadsPerInterrupt; i++) {
      stall += this.bus !== null ? this.bus.mmioRead() : this.costs.mmioReadNs;
      this.counters.mmioReads++;
    }
    if (stall > 0) {
      this.cpu.stall('mmio', stall as Nanos);
      const tr = this.sim.trace;
      // The span column is not a duration: the stall goes in cycles (the CPU waits it out).
      // The read of the cause register belongs to the interrupt's journey; it crosses the bus when there is one.
      if (tr.enabled) {
        tr.record(this.sim.now, this.nic.irqSpan, LAYER.netdev, this.bus !== null ? LAYER.pci : LAYER.nic, TRACE_KIND.mmio, 4, (stall * this.cpu.clock) / 1e9, this.cpu.id);
      }
    }
    if (!this.polling) this.startRun();
  }

  private startRun(): void {
    this.counters.softirqRuns++;
    this.runBudget = this.o.budget;
    this.runStart = this.sim.now;
    this.firstPoll = true;
    this.poll();
  }

  private poll(): void {
    this.polling = true;
    this.counters.polls++;
    const c = this.charges.clear();
    const k = this.costs;
    if (this.firstPoll) add(c, k.softirqEntry, 1);
    this.firstPoll = false;
    const n = Math.min(this.o.weight, this.nic.rxReady, this.runBudget);
    const out = this.deliver;
    const gro = this.gro;
    let csumPackets = 0;
    let csumBytes = 0;
    for (let i = 0; i < n; i++) {
      const f = this.nic.takeRxDone()!;
      if (this.o.softwareRxChecksum && tcpLayout(f, this.layout)) {
        csumPackets++;
        csumBytes += this.layout.payload - this.layout.tcp + this.layout.payloadLen;
      }
      if (gro !== null && gro.offer(f, out)) this.nic.releaseRx(f);
      else out.push(f);
    }
    if (gro !== null) {
      gro.flushAll(out);
      this.counters.groMerged = gro.counters.merged;
    }
    this.taken = n;
    if (n > this.counters.maxPollPackets) this.counters.maxPollPackets = n;
    const inRun = this.o.budget - this.runBudget + n;
    if (inRun > this.counters.maxRunPackets) this.counters.maxRunPackets = inRun;
    this.counters.rxPackets += n;
    this.counters.skbAllocs += n;
    add(c, k.driverRx, n);
    add(c, k.skbAlloc, n);
    add(c, k.napiPollPacket, n);
    if (gro !== null) add(c, k.groMerge, n);
    if (csumPackets > 0) {
      const cycles = this.checksum.fixed * csumPackets + this.checksum.perByte * csumBytes;
      if (cycles > 0) c.add(this.checksum.category, cycles);
    }
    add(c, k.inetSock, out.length);
    add(c, k.skbFree, out.length);
    const t = this.nic.txDoneCount;
    this.cleaned = t;
    add(c, k.driverTxCleanup, t);
    add(c, k.skbFree, t);
    this.cpu.submit(Priority.SoftIrq, c, 0, this, KIND_POLL);
  }

  private pollDone(): void {
    const out = this.deliver;
    if (out.length > 0) {
      const s = this.stack;
      s.out.begin(Priority.SoftIrq);
      for (let i = 0; i < out.length; i++) {
        s.receiveFrame(out[i]!);
        this.nic.releaseRx(out[i]!);
      }
      s.out.commit();
      this.counters.delivered += out.length;
      // pop() stays inline; assigning `length` calls into the runtime (measurable per poll).
      while (out.length > 0) out.pop();
    }
    const n = this.taken;
    this.nic.refill(n);
    this.netdev.cleanTx(this.cleaned);
    this.runBudget -= n;
    // A poll that used its whole quota may have left work (Linux keeps NAPI scheduled).
    if (n > 0 && (n === this.o.weight || this.runBudget <= 0) && this.nic.rxReady > 0) {
      if (this.runBudget > 0 && this.sim.now - this.runStart < this.o.budgetNs) {
        this.poll();
        return;
      }
      // Budget or time spent with work left: the softirq is raised again.
      this.counters.timeSqueeze++;
      this.startRun();
      return;
    }
    this.polling = false;
    this.nic.unmask();
  }
}

function add(c: ChargeList, op: ResolvedOp, times: number): void {
  if (times <= 0) return;
  const cycles = opCycles(op) * times;
  if (cycles > 0) c.add(op.category, cycles);
}
