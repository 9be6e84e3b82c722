// The I2O messaging unit as data structures: inbound frames in IOP memory and
// outbound frames in host memory, each addressed by a 32-bit MFA (message
// frame address), and four bounded FIFOs of MFAs: inbound free and post,
// outbound free and post. The operations mirror the hardware and Linux's use
// of it (include/linux/i2o.h: i2o_msg_get() reads the inbound port and treats
// I2O_QUEUE_EMPTY as "no frame", i2o_msg_post() copies the frame to
// `in_queue.virt + mfa` and writes the MFA back to the port, i2o_flush_reply()
// writes a consumed reply's MFA to the outbound port).
//
// Inbound MFAs are byte offsets in the IOP's BAR window (Linux checks
// `mfa >= c->in_queue.len`); outbound MFAs are host bus addresses inside the
// outbound pool (Linux: `m - c->out_queue.phys`).
//
// Timing is the model's; MU_ACCESS says what each operation costs in kind
// (an uncached MMIO read stalls the host CPU that issues it, DESIGN.md 1.4).
// Contract: never throws, allocates nothing after construction except on the
// error path, and every frame is in exactly one place: a free list, the
// producer's hands, a post list, or the consumer's hands. A misuse (posting a
// frame you do not hold, returning one twice) is refused with an I2oError.
import {
  INBOUND_FRAME_WORDS, MU_REG_INBOUND_DOORBELL, MU_REG_INBOUND_MESSAGE_0, MU_REG_INBOUND_MESSAGE_1,
  MU_REG_INBOUND_QUEUE_PORT, MU_REG_OUTBOUND_DOORBELL, MU_REG_OUTBOUND_INTERRUPT_MASK,
  MU_REG_OUTBOUND_INTERRUPT_STATUS, MU_REG_OUTBOUND_MESSAGE_0, MU_REG_OUTBOUND_MESSAGE_1, MU_REG_OUTBOUND_QUEUE_PORT,
  OUTBOUND_FRAME_COUNT, OUTBOUND_FRAME_WORDS,
} from './constants';
import { i2oError, type I2oError } from './errors';
import { FrameSide, type FrameSideCounters } from './mu-side';
import { MuSignals } from './mu-signals';

export interface MessagingUnitConfig {
  readonly inboundFrames: number;
  readonly inboundFrameWords: number;
  /** Where inbound frames start in the BAR window (above the register block). */
  readonly inboundBase: number;
  readonly outboundFrames: number;
  readonly outboundFrameWords: number;
  /** Host bus address of the outbound frame pool. */
  readonly outboundBase: number;
}

export const DEFAULT_MU_CONFIG: MessagingUnitConfig = {
  // Estimate: the IOP firmware sizes its inbound pool; 64 frames of 32 words
  // (8 KB) is a plausible share of an IOP310/321's local memory.
  inboundFrames: 64,
  inboundFrameWords: INBOUND_FRAME_WORDS,
  inboundBase: 0x1000,
  // Linux 2.6: I2O_MAX_OUTBOUND_MSG_FRAMES 128 of I2O_OUTBOUND_MSG_FRAME_SIZE 128 words.
  outboundFrames: OUTBOUND_FRAME_COUNT,
  outboundFrameWords: OUTBOUND_FRAME_WORDS,
  outboundBase: 0x0100_0000,
};

export type MuOperation =
  | 'readInboundPort' | 'writeFrame' | 'postInbound' | 'takeInboundPost' | 'returnInboundFree'
  | 'iopAllocOutbound' | 'writeOutboundFrame' | 'iopPostOutbound' | 'readOutboundPort'
  | 'hostReturnOutbound' | 'hostRegisterRead' | 'hostRegisterWrite' | 'iopSignal';

export type MuAccess = 'mmio-read' | 'mmio-write' | 'pci-write-burst' | 'dma-to-host' | 'iop-local';

/** Who pays for each operation and how; the model turns these into time and cycles. */
export const MU_ACCESS: Readonly<Record<MuOperation, { side: 'host' | 'iop'; access: MuAccess; note: string }>> = {
  readInboundPort: { side: 'host', access: 'mmio-read', note: 'uncached read across the bus; the host CPU stalls until it returns' },
  writeFrame: { side: 'host', access: 'pci-write-burst', note: 'the host writes the frame into IOP memory through the BAR (posted writes)' },
  postInbound: { side: 'host', access: 'mmio-write', note: 'posted write of the MFA to the inbound port; interrupts the IOP' },
  takeInboundPost: { side: 'iop', access: 'iop-local', note: 'the IOP pops its own post list' },
  returnInboundFree: { side: 'iop', access: 'iop-local', note: 'the IOP pushes the frame back on its free list' },
  iopAllocOutbound: { side: 'iop', access: 'iop-local', note: 'the IOP pops a free host frame' },
  writeOutboundFrame: { side: 'iop', access: 'dma-to-host', note: 'the IOP writes the reply into host memory across the bus' },
  iopPostOutbound: { side: 'iop', access: 'iop-local', note: 'posts the MFA; raises the host interrupt unless masked' },
  readOutboundPort: { side: 'host', access: 'mmio-read', note: 'uncached read across the bus; the host CPU stalls until it returns' },
  hostReturnOutbound: { side: 'host', access: 'mmio-write', note: 'posted write of the consumed MFA to the outbound port' },
  hostRegisterRead: { side: 'host', access: 'mmio-read', note: 'uncached read of a status, message or doorbell register; stalls the host CPU' },
  hostRegisterWrite: { side: 'host', access: 'mmio-write', note: 'posted write of a mask, message or doorbell register' },
  iopSignal: { side: 'iop', access: 'iop-local', note: 'the IOP reads or writes its own message, doorbell and status registers' },
};

export interface MuCounters {
  readonly inbound: FrameSideCounters;
  readonly outbound: FrameSideCounters;
  readonly mmioReads: number;
  readonly mmioWrites: number;
}

export class MessagingUnit {
  readonly config: MessagingUnitConfig;
  readonly inbound: FrameSide;
  readonly outbound: FrameSide;
  /** Message registers, doorbells and interrupt masks; the IOP uses its iop* methods directly. */
  readonly signals = new MuSignals();
  private mmioReads = 0;
  private mmioWrites = 0;

  constructor(config: Partial<MessagingUnitConfig> = {}) {
    this.config = { ...DEFAULT_MU_CONFIG, ...config };
    const c = this.config;
    this.inbound = new FrameSide('inbound', c.inboundBase, c.inboundFrames, c.inboundFrameWords * 4);
    this.outbound = new FrameSide('outbound', c.outboundBase, c.outboundFrames, c.outboundFrameWords * 4);
  }

  // Host side, inbound.
  /** Pops a free inbound frame: its MFA, or I2O_QUEUE_EMPTY when none is free. */
  readInboundPort(): number {
    this.mmioReads += 1;
    return this.inbound.allocate();
  }
  writeFrame(mfa: number, bytes: Uint8Array): I2oError | null {
    return this.inbound.write(mfa, bytes);
  }
  postInbound(mfa: number): I2oError | null {
    this.mmioWrites += 1;
    return this.inbound.post(mfa);
  }

  // IOP side, inbound.
  takeInboundPost(): number {
    return this.inbound.take();
  }
  inboundFrame(mfa: number): Uint8Array | I2oError {
    return this.inbound.view(mfa);
  }
  returnInboundFree(mfa: number): I2oError | null {
    return this.inbound.release(mfa);
  }

  // IOP side, outbound.
  iopAllocOutbound(): number {
    return this.outbound.allocate();
  }
  writeOutboundFrame(mfa: number, bytes: Uint8Array): I2oError | null {
    return this.outbound.write(mfa, bytes);
  }
  iopPostOutbound(mfa: number): I2oError | null {
    return this.outbound.post(mfa);
  }

  // Host side, outbound.
  /** Pops a posted reply: its MFA, or I2O_QUEUE_EMPTY when the post list is empty. */
  readOutboundPort(): number {
    this.mmioReads += 1;
    return this.outbound.take();
  }
  outboundFrame(mfa: number): Uint8Array | I2oError {
    return this.outbound.view(mfa);
  }
  hostReturnOutbound(mfa: number): I2oError | null {
    this.mmioWrites += 1;
    return this.outbound.release(mfa);
  }

  /** The host's interrupt line: an unmasked outbound source (posted reply, doorbell, message). */
  interruptAsserted(): boolean {
    return (this.outboundStatus() & ~this.signals.outboundMask) !== 0;
  }

  /** The IOP's interrupt line: an unmasked inbound source (posted request, doorbell, message). */
  iopInterruptAsserted(): boolean {
    return (this.iopInboundStatus() & ~this.signals.inboundMask) !== 0;
  }

  /** The IOP's view of its inbound interrupt status register. */
  iopInboundStatus(): number {
    return this.signals.inboundStatus(this.inbound.postedCount() > 0);
  }

  /** A host read of a register, as the hardware answers it. */
  readRegister(offset: number): number | I2oError {
    if (offset === MU_REG_INBOUND_QUEUE_PORT) return this.readInboundPort();
    if (offset === MU_REG_OUTBOUND_QUEUE_PORT) return this.readOutboundPort();
    const sig = this.signals;
    let v: number;
    switch (offset) {
      case MU_REG_OUTBOUND_INTERRUPT_STATUS: v = this.outboundStatus(); break;
      case MU_REG_OUTBOUND_INTERRUPT_MASK: v = sig.outboundMask; break;
      case MU_REG_OUTBOUND_MESSAGE_0: v = sig.hostReadOutboundMessage(0); break;
      case MU_REG_OUTBOUND_MESSAGE_1: v = sig.hostReadOutboundMessage(1); break;
      case MU_REG_OUTBOUND_DOORBELL: v = sig.hostReadOutboundDoorbell(); break;
      default: return i2oError('bad-field', 'register', `no host-readable register at 0x${offset.toString(16)}`);
    }
    this.mmioReads += 1;
    return v;
  }

  /** A host write of a register: posting to a port, a message, a doorbell, a mask, clearing status. */
  writeRegister(offset: number, value: number): I2oError | null {
    if (offset === MU_REG_INBOUND_QUEUE_PORT) return this.postInbound(value >>> 0);
    if (offset === MU_REG_OUTBOUND_QUEUE_PORT) return this.hostReturnOutbound(value >>> 0);
    const sig = this.signals;
    switch (offset) {
      case MU_REG_OUTBOUND_INTERRUPT_MASK: sig.outboundMask = value >>> 0; break;
      case MU_REG_OUTBOUND_INTERRUPT_STATUS: sig.hostClearOutboundStatus(value); break;
      case MU_REG_INBOUND_MESSAGE_0: sig.hostWriteInboundMessage(0, value >>> 0); break;
      case MU_REG_INBOUND_MESSAGE_1: sig.hostWriteInboundMessage(1, value >>> 0); break;
      case MU_REG_INBOUND_DOORBELL: sig.hostRingInboundDoorbell(value); break;
      case MU_REG_OUTBOUND_DOORBELL: sig.hostClearOutboundDoorbell(value); break;
      default: return i2oError('bad-field', 'register', `no host-writable register at 0x${offset.toString(16)}`);
    }
    this.mmioWrites += 1;
    return null;
  }

  counters(): MuCounters {
    return {
      inbound: this.inbound.counters(),
      outbound: this.outbound.counters(),
      mmioReads: this.mmioReads,
      mmioWrites: this.mmioWrites,
    };
  }

  private outboundStatus(): number {
    return this.signals.outboundStatus(this.outbound.postedCount() > 0);
  }
}
