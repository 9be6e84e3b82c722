// I2O frames captured as they cross the bus are real I2O 1.5 bytes: a SEND
// request with its SGL over transmit-pool buffers, and a RECV_DATA reply over
// receive-pool buffers, decoded field by field with src/i2o.
import { describe, expect, it } from 'vitest';
import {
  FUNCTION_PRIVATE, HOST_TID, I2O_VERSION_15, MSG_FLAG_REPLY, REPLY_STATUS_SUCCESS, SGL_FLAG_DIR, SGL_FLAG_END_OF_BUFFER,
  SGL_FLAG_LAST_ELEMENT, SGL_FLAG_SIMPLE_ADDRESS, SOCKET_DDM_TID, SOCKET_ORG_ID, XFN, decodeFrame, formatI2oFrame,
  isI2oError, socketFromI2o,
} from '../../i2o';
import { verifyPayload } from '../../net/payload';
import { CTX_DATA } from './contexts';
import { startBulk } from './testing/bulk';
import { offloadWorld } from './testing/world';

interface Captured {
  bytes: Uint8Array;
  /** For a SEND: the transmit-pool bytes its SGL named, copied when the frame was written. */
  data: Uint8Array[];
}

/** Runs a short transfer and keeps the first frame whose XFunctionCode is `xfn` in direction `dir`. */
function capture(dir: 'server-sends' | 'server-receives', want: 'inbound' | 'outbound', xfn: number): Captured {
  const w = offloadWorld();
  let got: Captured | null = null;
  w.server.setI2oTap((d, _t, bytes) => {
    if (got !== null || d !== want) return;
    const f = decodeFrame(bytes);
    if (isI2oError(f) || f.priv?.xFunctionCode !== xfn) return;
    const data = (f.sgl?.elements ?? []).map((e) => {
      const tx = w.server.pools.tx;
      const off = e.address - tx.base;
      return off >= 0 && off < tx.memory.length ? tx.memory.slice(off, off + e.count) : new Uint8Array(0);
    });
    got = { bytes: bytes.slice(), data };
  });
  startBulk(w, dir, 200_000, 65536, 7);
  w.run(20e6);
  expect(got).not.toBe(null);
  return got!;
}

function word(bytes: Uint8Array, i: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(4 * i, true);
}

describe('I2O frames on the bus', () => {
  it('a SEND request decodes field by field: header, private word, body and an SGL over transmit-pool buffers', () => {
    const { bytes, data } = capture('server-sends', 'inbound', XFN.SEND);
    console.log(`SEND frame (${bytes.length} B): ${formatI2oFrame(bytes)}`);
    const f = decodeFrame(bytes);
    if (isI2oError(f)) throw new Error(f.detail);
    // Word 0: VersionOffset (version 1, SGL offset 7 words), MsgFlags 0, MessageSize.
    expect(word(bytes, 0) & 0x0f).toBe(I2O_VERSION_15);
    expect((word(bytes, 0) >>> 4) & 0x0f).toBe(7);
    expect((word(bytes, 0) >>> 8) & 0xff).toBe(0);
    expect(word(bytes, 0) >>> 16).toBe(bytes.length / 4);
    // Word 1: TargetAddress = the socket DDM, InitiatorAddress = the host, Function = private.
    expect(word(bytes, 1) & 0xfff).toBe(SOCKET_DDM_TID);
    expect((word(bytes, 1) >>> 12) & 0xfff).toBe(HOST_TID);
    expect(word(bytes, 1) >>> 24).toBe(FUNCTION_PRIVATE);
    // Words 2-3: contexts; word 4: XFunctionCode | OrganizationID.
    expect(word(bytes, 2)).toBe(CTX_DATA);
    expect(f.transactionContext).toBe(word(bytes, 3));
    expect(word(bytes, 4) & 0xffff).toBe(XFN.SEND);
    expect(word(bytes, 4) >>> 16).toBe(SOCKET_ORG_ID);
    // Body: handle, flags. SGL: simple elements host-to-IOP, LAST | END_OF_BUFFER on the last.
    const m = socketFromI2o(f);
    if (isI2oError(m) || m.op !== 'SEND') throw new Error('not a SEND');
    expect(word(bytes, 5)).toBe(m.handle);
    expect(word(bytes, 6)).toBe(0);
    const els = f.sgl!.elements;
    expect(els.length).toBeGreaterThan(1);
    let offset = 0;
    els.forEach((e, i) => {
      const flagsCount = word(bytes, 7 + 2 * i);
      expect(flagsCount & 0xffffff).toBe(e.count);
      const last = i === els.length - 1;
      expect(flagsCount >>> 24).toBe(SGL_FLAG_SIMPLE_ADDRESS | SGL_FLAG_DIR | (last ? SGL_FLAG_LAST_ELEMENT | SGL_FLAG_END_OF_BUFFER : 0));
      expect(word(bytes, 8 + 2 * i)).toBe(e.address);
      // The buffer the element names holds the application's bytes (the one copy).
      expect(verifyPayload(7, offset, data[i]!)).toBe(-1);
      offset += e.count;
    });
  });

  it('a RECV_DATA reply decodes field by field: reply header, status, private word and an SGL over receive-pool buffers', () => {
    const { bytes } = capture('server-receives', 'outbound', XFN.RECV_DATA);
    console.log(`RECV_DATA frame (${bytes.length} B): ${formatI2oFrame(bytes)}`);
    const f = decodeFrame(bytes);
    if (isI2oError(f)) throw new Error(f.detail);
    expect(word(bytes, 0) & 0x0f).toBe(I2O_VERSION_15);
    expect((word(bytes, 0) >>> 8) & 0xff).toBe(MSG_FLAG_REPLY);
    expect((word(bytes, 0) >>> 4) & 0x0f).toBe(8);
    expect(word(bytes, 1) & 0xfff).toBe(HOST_TID);
    expect((word(bytes, 1) >>> 12) & 0xfff).toBe(SOCKET_DDM_TID);
    expect(word(bytes, 1) >>> 24).toBe(FUNCTION_PRIVATE);
    expect(word(bytes, 2)).toBe(CTX_DATA);
    // Word 4: the single-transaction reply's status (ReqStatus SUCCESS); word 5: the private word.
    expect(word(bytes, 4) >>> 24).toBe(REPLY_STATUS_SUCCESS);
    expect(word(bytes, 5) & 0xffff).toBe(XFN.RECV_DATA);
    expect(word(bytes, 5) >>> 16).toBe(SOCKET_ORG_ID);
    const m = socketFromI2o(f);
    if (isI2oError(m) || m.op !== 'RECV_DATA') throw new Error('not a RECV_DATA');
    expect(word(bytes, 6)).toBe(m.handle);
    expect(m.buffers.length).toBeGreaterThan(0);
    for (const [i, e] of f.sgl!.elements.entries()) {
      expect((e.flags & SGL_FLAG_DIR) === 0).toBe(true);
      expect(e.count).toBeGreaterThan(0);
      expect(word(bytes, 8 + 2 * i) & 0xffffff).toBe(e.count);
      expect(e.address).toBeGreaterThanOrEqual(0x40000000);
    }
  });
});
