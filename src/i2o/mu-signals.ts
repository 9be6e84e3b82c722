// The messaging unit's signalling registers besides the queues: two inbound
// and two outbound message registers, an inbound and an outbound doorbell, and
// the interrupt status and mask on each side (Intel IOP messaging unit; offsets
// and bits in constants.ts).
//
// Semantics, as drivers for IOP boards use them: writing a message register
// latches its status bit on the other side until that side writes the bit
// back (write-1-to-clear); a doorbell is a bit set the writer ORs into and the
// reader clears by writing back the bits it saw (megaraid's interrupt handler
// reads OUTBOUND_DOORBELL_REG and writes the same value back); the post-queue
// status bit follows the post list (non-empty = set) and clears itself.
import {
  MU_IRQ_INBOUND_DOORBELL, MU_IRQ_INBOUND_MESSAGE_0, MU_IRQ_INBOUND_POST, MU_IRQ_OUTBOUND_DOORBELL,
  MU_IRQ_OUTBOUND_MESSAGE_0, MU_IRQ_OUTBOUND_POST,
} from './constants';

const MESSAGE_BITS = 0x03;

export class MuSignals {
  private readonly inboundMessage = new Uint32Array(2);
  private readonly outboundMessage = new Uint32Array(2);
  private inboundLatched = 0;
  private outboundLatched = 0;
  private inboundDoorbell = 0;
  private outboundDoorbell = 0;
  /** Set bits mask the matching inbound interrupt sources (IOP side). */
  inboundMask = 0;
  /** Set bits mask the matching outbound interrupt sources (host side). */
  outboundMask = 0;

  // Host to IOP.
  hostWriteInboundMessage(n: 0 | 1, value: number): void {
    this.inboundMessage[n] = value;
    this.inboundLatched |= MU_IRQ_INBOUND_MESSAGE_0 << n;
  }
  hostRingInboundDoorbell(bits: number): void {
    this.inboundDoorbell = (this.inboundDoorbell | bits) >>> 0;
  }
  hostReadOutboundMessage(n: 0 | 1): number {
    return this.outboundMessage[n]!;
  }
  hostReadOutboundDoorbell(): number {
    return this.outboundDoorbell;
  }
  hostClearOutboundDoorbell(bits: number): void {
    this.outboundDoorbell = (this.outboundDoorbell & ~bits) >>> 0;
  }
  /** A host write to the outbound status register clears the message bits written as 1. */
  hostClearOutboundStatus(bits: number): void {
    this.outboundLatched &= ~(bits & MESSAGE_BITS);
  }

  // IOP to host.
  iopWriteOutboundMessage(n: 0 | 1, value: number): void {
    this.outboundMessage[n] = value;
    this.outboundLatched |= MU_IRQ_OUTBOUND_MESSAGE_0 << n;
  }
  iopRingOutboundDoorbell(bits: number): void {
    this.outboundDoorbell = (this.outboundDoorbell | bits) >>> 0;
  }
  iopReadInboundMessage(n: 0 | 1): number {
    return this.inboundMessage[n]!;
  }
  iopReadInboundDoorbell(): number {
    return this.inboundDoorbell;
  }
  iopClearInboundDoorbell(bits: number): void {
    this.inboundDoorbell = (this.inboundDoorbell & ~bits) >>> 0;
  }
  iopClearInboundStatus(bits: number): void {
    this.inboundLatched &= ~(bits & MESSAGE_BITS);
  }

  /** The outbound interrupt status register, given whether a reply is posted. */
  outboundStatus(replyPosted: boolean): number {
    return this.outboundLatched | (this.outboundDoorbell ? MU_IRQ_OUTBOUND_DOORBELL : 0) | (replyPosted ? MU_IRQ_OUTBOUND_POST : 0);
  }

  /** The inbound interrupt status register, given whether a request is posted. */
  inboundStatus(requestPosted: boolean): number {
    return this.inboundLatched | (this.inboundDoorbell ? MU_IRQ_INBOUND_DOORBELL : 0) | (requestPosted ? MU_IRQ_INBOUND_POST : 0);
  }
}
