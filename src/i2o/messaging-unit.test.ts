import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  I2O_QUEUE_EMPTY, MU_IRQ_INBOUND_DOORBELL, MU_IRQ_INBOUND_MESSAGE_1, MU_IRQ_INBOUND_POST, MU_IRQ_OUTBOUND_DOORBELL,
  MU_IRQ_OUTBOUND_MESSAGE_0, MU_IRQ_OUTBOUND_POST, MU_REG_INBOUND_DOORBELL, MU_REG_INBOUND_MESSAGE_1,
  MU_REG_INBOUND_QUEUE_PORT, MU_REG_OUTBOUND_DOORBELL, MU_REG_OUTBOUND_INTERRUPT_MASK,
  MU_REG_OUTBOUND_INTERRUPT_STATUS, MU_REG_OUTBOUND_MESSAGE_0, MU_REG_OUTBOUND_QUEUE_PORT,
} from './constants';
import { isI2oError } from './errors';
import { decodeFrame } from './frame';
import { MU_ACCESS, MessagingUnit } from './messaging-unit';
import { MfaFifo } from './mfa-fifo';
import { encodeSocketFrame, decodeSocketFrame } from './socket-class';

describe('MfaFifo', () => {
  it('is first in, first out, refuses a push when full and reads 0xFFFFFFFF when empty', () => {
    const q = new MfaFifo(2);
    expect(q.shift()).toBe(I2O_QUEUE_EMPTY);
    expect([q.push(10), q.push(20), q.push(30)]).toEqual([true, true, false]);
    expect([q.peek(), q.shift(), q.shift(), q.shift()]).toEqual([10, 10, 20, I2O_QUEUE_EMPTY]);
    expect(q.highWaterMark).toBe(2);
  });

  it('behaves like an array queue bounded at its capacity, across wrap-around', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 0xfffffffe }) }), fc.constant({ shift: true as const }));
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 100 }), (cap, ops) => {
      const q = new MfaFifo(cap);
      const model: number[] = [];
      for (const o of ops) {
        if ('push' in o) expect(q.push(o.push)).toBe(model.length < cap ? (model.push(o.push), true) : false);
        else expect(q.shift()).toBe(model.length ? model.shift() : I2O_QUEUE_EMPTY);
        expect(q.length).toBe(model.length);
      }
    }));
  });
});

describe('MessagingUnit', () => {
  it('carries a request host to IOP and a reply IOP to host, frame bytes intact', () => {
    const mu = new MessagingUnit({ inboundFrames: 4, outboundFrames: 4 });
    const mfa = mu.readInboundPort();
    expect(mfa).toBe(0x1000);
    const frame = new Uint8Array(128);
    const n = encodeSocketFrame({ op: 'CLOSE', handle: 6 }, { initiatorContext: 1, transactionContext: 2 }, frame, 0);
    expect(n).toBe(28); // 7 words: 4 header words, the private word, handle and abort
    expect(mu.writeFrame(mfa, frame.subarray(0, n as number))).toBeNull();
    expect(mu.postInbound(mfa)).toBeNull();

    const got = mu.takeInboundPost();
    expect(got).toBe(mfa);
    const view = mu.inboundFrame(got);
    expect(!isI2oError(view) && decodeSocketFrame(view)).toMatchObject({ socket: { op: 'CLOSE', handle: 6 } });
    expect(mu.returnInboundFree(got)).toBeNull();

    const out = mu.iopAllocOutbound();
    expect(out).toBe(0x0100_0000);
    const reply = new Uint8Array(128);
    const r = encodeSocketFrame({ op: 'COMPLETE', request: 'CLOSE', handle: 6, value: 0 }, { initiatorContext: 1, transactionContext: 2 }, reply, 0);
    expect(mu.writeOutboundFrame(out, reply.subarray(0, r as number))).toBeNull();
    expect(mu.iopPostOutbound(out)).toBeNull();
    expect(mu.interruptAsserted()).toBe(true);
    expect(mu.readOutboundPort()).toBe(out);
    const rv = mu.outboundFrame(out);
    expect(!isI2oError(rv) && decodeSocketFrame(rv)).toMatchObject({ socket: { op: 'COMPLETE', request: 'CLOSE' } });
    expect(mu.hostReturnOutbound(out)).toBeNull();
    expect(mu.readOutboundPort()).toBe(I2O_QUEUE_EMPTY);
    expect(mu.interruptAsserted()).toBe(false);

    const c = mu.counters();
    expect([c.inbound.messages, c.outbound.messages, c.inbound.inUse, c.outbound.inUse]).toEqual([1, 1, 0, 0]);
    expect([c.inbound.inUseHighWater, c.outbound.emptyTakes, c.mmioReads, c.mmioWrites]).toEqual([1, 1, 3, 2]);
  });

  it('reads 0xFFFFFFFF from the inbound port when every frame is out, and counts the empty reads', () => {
    const mu = new MessagingUnit({ inboundFrames: 3 });
    const got = [mu.readInboundPort(), mu.readInboundPort(), mu.readInboundPort()];
    expect(got).toEqual([0x1000, 0x1080, 0x1100]);
    expect(mu.readInboundPort()).toBe(I2O_QUEUE_EMPTY);
    expect(mu.readInboundPort()).toBe(I2O_QUEUE_EMPTY);
    const c = mu.counters().inbound;
    expect([c.inUse, c.inUseHighWater, c.emptyAllocations]).toEqual([3, 3, 2]);
  });

  it('leaves a reply waiting when the host has taken every outbound frame, the backpressure of a full queue', () => {
    const mu = new MessagingUnit({ outboundFrames: 2 });
    const a = mu.iopAllocOutbound();
    const b = mu.iopAllocOutbound();
    expect(mu.iopAllocOutbound()).toBe(I2O_QUEUE_EMPTY);
    mu.iopPostOutbound(a);
    mu.iopPostOutbound(b);
    expect(mu.counters().outbound.postedHighWater).toBe(2);
    expect(mu.readOutboundPort()).toBe(a);
    mu.hostReturnOutbound(a);
    expect(mu.iopAllocOutbound()).toBe(a);
  });

  it.each<[string, (mu: MessagingUnit) => unknown, string]>([
    ['posting a frame the host never popped', (mu) => mu.postInbound(0x1000), 'inbound.mfa'],
    ['posting an address that is no frame', (mu) => mu.postInbound(0x1004), 'inbound.mfa'],
    ['posting the empty marker', (mu) => mu.postInbound(I2O_QUEUE_EMPTY), 'inbound.mfa'],
    ['returning an inbound frame twice', (mu) => { const m = mu.readInboundPort(); mu.postInbound(m); mu.takeInboundPost(); mu.returnInboundFree(m); return mu.returnInboundFree(m); }, 'inbound.mfa'],
    ['reading a frame not yet taken', (mu) => { const m = mu.readInboundPort(); return mu.inboundFrame(m); }, 'inbound.mfa'],
    ['returning a reply the host has not read', (mu) => { const m = mu.iopAllocOutbound(); mu.iopPostOutbound(m); return mu.hostReturnOutbound(m); }, 'outbound.mfa'],
    ['writing more than a frame holds', (mu) => mu.writeFrame(mu.readInboundPort(), new Uint8Array(129)), 'inbound.frame'],
  ])('refuses %s with a typed error', (_what, act, field) => {
    const r = act(new MessagingUnit({ inboundFrames: 2, outboundFrames: 2 }));
    expect(isI2oError(r) && r.field).toBe(field);
  });

  it('answers its registers as the hardware does: ports at 0x40 and 0x44, status 0x30 and mask 0x34', () => {
    const mu = new MessagingUnit({ inboundFrames: 1, outboundFrames: 1 });
    const m = mu.readRegister(MU_REG_INBOUND_QUEUE_PORT);
    expect(m).toBe(0x1000);
    expect(mu.readRegister(MU_REG_INBOUND_QUEUE_PORT)).toBe(I2O_QUEUE_EMPTY);
    expect(mu.writeRegister(MU_REG_INBOUND_QUEUE_PORT, m as number)).toBeNull();
    expect(mu.takeInboundPost()).toBe(0x1000);

    const out = mu.iopAllocOutbound();
    mu.iopPostOutbound(out);
    expect(mu.readRegister(MU_REG_OUTBOUND_INTERRUPT_STATUS)).toBe(MU_IRQ_OUTBOUND_POST);
    expect(mu.writeRegister(MU_REG_OUTBOUND_INTERRUPT_MASK, MU_IRQ_OUTBOUND_POST)).toBeNull();
    expect(mu.interruptAsserted()).toBe(false);
    expect(mu.readRegister(MU_REG_OUTBOUND_INTERRUPT_MASK)).toBe(MU_IRQ_OUTBOUND_POST);
    expect(mu.readRegister(MU_REG_OUTBOUND_QUEUE_PORT)).toBe(out);
    expect(mu.writeRegister(MU_REG_OUTBOUND_QUEUE_PORT, out)).toBeNull();
    expect(mu.readRegister(MU_REG_OUTBOUND_INTERRUPT_STATUS)).toBe(0);
    expect(isI2oError(mu.readRegister(0x38))).toBe(true);
  });

  it('raises the IOP interrupt for a posted request, a doorbell or a message, each maskable and clearable', () => {
    const mu = new MessagingUnit({ inboundFrames: 1, outboundFrames: 1 });
    expect(mu.iopInterruptAsserted()).toBe(false);
    const m = mu.readInboundPort();
    mu.postInbound(m);
    expect(mu.iopInboundStatus()).toBe(MU_IRQ_INBOUND_POST);
    mu.takeInboundPost();
    expect(mu.iopInterruptAsserted()).toBe(false);
    expect(mu.writeRegister(MU_REG_INBOUND_DOORBELL, 0x5)).toBeNull();
    expect(mu.writeRegister(MU_REG_INBOUND_MESSAGE_1, 0xcafe)).toBeNull();
    expect(mu.iopInboundStatus()).toBe(MU_IRQ_INBOUND_DOORBELL | MU_IRQ_INBOUND_MESSAGE_1);
    expect([mu.signals.iopReadInboundDoorbell(), mu.signals.iopReadInboundMessage(1)]).toEqual([0x5, 0xcafe]);
    mu.signals.inboundMask = MU_IRQ_INBOUND_DOORBELL | MU_IRQ_INBOUND_MESSAGE_1;
    expect(mu.iopInterruptAsserted()).toBe(false);
    mu.signals.inboundMask = 0;
    mu.signals.iopClearInboundDoorbell(0x5);
    mu.signals.iopClearInboundStatus(MU_IRQ_INBOUND_MESSAGE_1);
    expect(mu.iopInterruptAsserted()).toBe(false);
  });

  it('raises the host interrupt for an outbound doorbell or message until the host writes the bits back', () => {
    const mu = new MessagingUnit();
    mu.signals.iopRingOutboundDoorbell(0x2);
    mu.signals.iopWriteOutboundMessage(0, 0x1234);
    expect(mu.readRegister(MU_REG_OUTBOUND_INTERRUPT_STATUS)).toBe(MU_IRQ_OUTBOUND_DOORBELL | MU_IRQ_OUTBOUND_MESSAGE_0);
    expect(mu.readRegister(MU_REG_OUTBOUND_MESSAGE_0)).toBe(0x1234);
    const bell = mu.readRegister(MU_REG_OUTBOUND_DOORBELL);
    expect(bell).toBe(0x2);
    mu.writeRegister(MU_REG_OUTBOUND_DOORBELL, bell as number);
    mu.writeRegister(MU_REG_OUTBOUND_INTERRUPT_STATUS, MU_IRQ_OUTBOUND_MESSAGE_0);
    expect(mu.interruptAsserted()).toBe(false);
    expect(mu.counters().mmioReads).toBe(3);
  });

  it('says which operations are uncached reads that stall the host', () => {
    const stalls = Object.entries(MU_ACCESS).filter(([, a]) => a.access === 'mmio-read').map(([k]) => k).sort();
    expect(stalls).toEqual(['hostRegisterRead', 'readInboundPort', 'readOutboundPort']);
  });

  it('never loses or duplicates a frame across random sequences of operations', () => {
    type Op = 'hostPop' | 'hostPost' | 'iopTake' | 'iopFree' | 'iopAlloc' | 'iopPost' | 'hostRead' | 'hostReturn' | 'misuse';
    const ops = fc.array(fc.tuple(fc.constantFrom<Op>('hostPop', 'hostPost', 'iopTake', 'iopFree', 'iopAlloc', 'iopPost', 'hostRead', 'hostReturn', 'misuse'), fc.nat()), { maxLength: 300 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), ops, (nIn, nOut, seq) => {
      const mu = new MessagingUnit({ inboundFrames: nIn, outboundFrames: nOut });
      // Model: where every MFA is.
      const inHost: number[] = []; const inPosted: number[] = []; const inIop: number[] = [];
      const outIop: number[] = []; const outPosted: number[] = []; const outHost: number[] = [];
      let inFree = nIn; let outFree = nOut;
      const pick = (xs: number[], k: number): number | undefined => (xs.length ? xs.splice(k % xs.length, 1)[0] : undefined);
      for (const [op, k] of seq) {
        switch (op) {
          case 'hostPop': { const m = mu.readInboundPort(); if (inFree === 0) expect(m).toBe(I2O_QUEUE_EMPTY); else { inFree--; inHost.push(m); } break; }
          case 'hostPost': { const m = pick(inHost, k); if (m !== undefined) { expect(mu.postInbound(m)).toBeNull(); inPosted.push(m); } break; }
          case 'iopTake': { const m = mu.takeInboundPost(); expect(m).toBe(inPosted.length ? inPosted.shift() : I2O_QUEUE_EMPTY); if (m !== I2O_QUEUE_EMPTY) inIop.push(m); break; }
          case 'iopFree': { const m = pick(inIop, k); if (m !== undefined) { expect(mu.returnInboundFree(m)).toBeNull(); inFree++; } break; }
          case 'iopAlloc': { const m = mu.iopAllocOutbound(); if (outFree === 0) expect(m).toBe(I2O_QUEUE_EMPTY); else { outFree--; outIop.push(m); } break; }
          case 'iopPost': { const m = pick(outIop, k); if (m !== undefined) { expect(mu.iopPostOutbound(m)).toBeNull(); outPosted.push(m); } break; }
          case 'hostRead': { const m = mu.readOutboundPort(); expect(m).toBe(outPosted.length ? outPosted.shift() : I2O_QUEUE_EMPTY); if (m !== I2O_QUEUE_EMPTY) outHost.push(m); break; }
          case 'hostReturn': { const m = pick(outHost, k); if (m !== undefined) { expect(mu.hostReturnOutbound(m)).toBeNull(); outFree++; } break; }
          case 'misuse': {
            // Posting a frame the host does not hold (free, posted, with the IOP, or no frame at all) is refused.
            const m = 0x1000 + (k % (nIn + 1)) * 128;
            if (!inHost.includes(m)) expect(isI2oError(mu.postInbound(m))).toBe(true);
            break;
          }
        }
        const all = [...inHost, ...inPosted, ...inIop];
        expect(new Set(all).size).toBe(all.length);
        expect(all.length + inFree).toBe(nIn);
        const c = mu.counters();
        expect([c.inbound.inUse, c.inbound.posted, mu.inbound.freeCount()]).toEqual([all.length, inPosted.length, inFree]);
        const outs = [...outIop, ...outPosted, ...outHost];
        expect(new Set(outs).size).toBe(outs.length);
        expect([c.outbound.inUse, c.outbound.posted, mu.outbound.freeCount()]).toEqual([outs.length, outPosted.length, outFree]);
      }
    }), { numRuns: 200 });
  });

  it('keeps each frame slot separate: a frame written through one MFA decodes from that MFA only', () => {
    const mu = new MessagingUnit({ inboundFrames: 3 });
    const mfas = [mu.readInboundPort(), mu.readInboundPort(), mu.readInboundPort()];
    mfas.forEach((m, i) => {
      const b = new Uint8Array(32);
      encodeSocketFrame({ op: 'CLOSE', handle: 100 + i }, { initiatorContext: i, transactionContext: i }, b, 0);
      mu.writeFrame(m, b);
      mu.postInbound(m);
    });
    for (let i = 0; i < 3; i++) {
      const v = mu.inboundFrame(mu.takeInboundPost());
      const f = !isI2oError(v) && decodeFrame(v);
      expect(f && !isI2oError(f) && f.body[0]).toBe(100 + i);
    }
  });
});
