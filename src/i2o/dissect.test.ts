import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dissectI2oFrame, type FieldNode } from './dissect';
import { encodeSocketFrame, type SocketMessage } from './socket-class';

function frame(m: SocketMessage, addressing: 32 | 64 = 32): Uint8Array {
  const buf = new Uint8Array(512);
  const n = encodeSocketFrame(m, { initiatorContext: 0x12, transactionContext: 0x5, addressing }, buf, 0);
  if (typeof n !== 'number') throw new Error(n.detail);
  return buf.subarray(0, n);
}

function find(nodes: FieldNode[], name: string): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (ns: FieldNode[]): void => ns.forEach((n) => { if (n.name === name) out.push(n); if (n.children) walk(n.children); });
  walk(nodes);
  return out;
}

function one(nodes: FieldNode[], name: string): FieldNode {
  const f = find(nodes, name);
  expect(f, name).toHaveLength(1);
  return f[0]!;
}

/** The field's value: its `length` bytes as a little-endian integer, masked and shifted by bitMask. */
function valueOf(bytes: Uint8Array, n: FieldNode): number {
  let v = 0;
  for (let i = n.length - 1; i >= 0; i--) v = v * 256 + bytes[n.offset + i]!;
  if (n.bitMask === undefined) return v;
  const mask = n.bitMask >>> 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return ((v & mask) >>> 0) >>> shift;
}

describe('dissectI2oFrame', () => {
  const send = frame({ op: 'SEND', handle: 5, flags: 0, buffers: [{ address: 0x1000, length: 1460 }, { address: 0x2000, length: 40 }] });

  it('shows the header words with sub-fields whose bytes and masks give back their values', () => {
    const tree = dissectI2oFrame(send);
    expect(valueOf(send, one(tree, 'i2o.version'))).toBe(1);
    expect(valueOf(send, one(tree, 'i2o.sglOffset'))).toBe(7);
    expect(valueOf(send, one(tree, 'i2o.messageSize'))).toBe(11);
    expect(valueOf(send, one(tree, 'i2o.targetAddress'))).toBe(0x010);
    expect(valueOf(send, one(tree, 'i2o.initiatorAddress'))).toBe(0x001);
    expect(valueOf(send, one(tree, 'i2o.function'))).toBe(0xff);
    expect(valueOf(send, one(tree, 'i2o.initiatorContext'))).toBe(0x12);
    expect(valueOf(send, one(tree, 'i2o.transactionContext'))).toBe(0x5);
    expect(one(tree, 'i2o.function').label).toBe('Function: 0xFF (PRIVATE)');
    expect(one(tree, 'i2o.msgFlags.reply').label).toBe('REPLY: not set');
  });

  it('shows the private header, the socket payload and each SGL element', () => {
    const tree = dissectI2oFrame(send);
    expect(valueOf(send, one(tree, 'i2o.xFunctionCode'))).toBe(0x0006);
    expect(one(tree, 'i2o.xFunctionCode').label).toContain('SEND');
    expect(valueOf(send, one(tree, 'i2o.organizationId'))).toBe(0x4f4c);
    expect(one(tree, 'i2o.organizationId').label).toMatch(/reconstruction/);
    expect(one(tree, 'i2o.socket').label).toMatch(/^Socket class: SEND/);
    expect(valueOf(send, one(tree, 'i2o.socket.handle'))).toBe(5);
    const elements = find(tree, 'i2o.sgl.element');
    expect(elements.map((e) => [e.offset, e.length])).toEqual([[28, 8], [36, 8]]);
    expect(find(tree, 'i2o.sgl.count').map((n) => valueOf(send, n))).toEqual([1460, 40]);
    expect(find(tree, 'i2o.sgl.address').map((n) => valueOf(send, n))).toEqual([0x1000, 0x2000]);
    expect(find(tree, 'i2o.sgl.flags.last_element').map((n) => valueOf(send, n))).toEqual([0, 1]);
    expect(find(tree, 'i2o.sgl.flags.dir').map((n) => valueOf(send, n))).toEqual([1, 1]);
    expect(one(tree, 'i2o.sgl').label).toBe('Scatter-gather list: 2 elements, 1500 bytes');
  });

  it('shows a reply status word and an error event with its errno and failed request', () => {
    const err = frame({ op: 'ERROR', handle: 6, errno: 111, failed: 'CONNECT' });
    const tree = dissectI2oFrame(err);
    expect(valueOf(err, one(tree, 'i2o.reqStatus'))).toBe(0x05);
    expect(one(tree, 'i2o.replyStatus').label).toBe('Reply status: ERROR_NO_DATA_TRANSFER');
    expect(valueOf(err, one(tree, 'i2o.socket.errno'))).toBe(111);
    expect(one(tree, 'i2o.socket.failedXFunction').label).toContain('CONNECT');
  });

  it('shows the 64-bit attributes element and high address words', () => {
    const b = frame({ op: 'RECV', handle: 1, flags: 0, buffers: [{ address: 0x2_0000_1000, length: 9000 }] }, 64);
    const tree = dissectI2oFrame(b);
    expect(one(tree, 'i2o.sgl.attributes').length).toBe(8);
    expect(valueOf(b, one(tree, 'i2o.sgl.addressHigh'))).toBe(2);
  });

  it('shows the header and names the fault of a frame that does not decode', () => {
    const bad = send.slice();
    bad[0] = 0xf1; // SGL offset 15, beyond MessageSize
    const tree = dissectI2oFrame(bad);
    expect(one(tree, 'i2o.header').length).toBe(16);
    expect(one(tree, 'i2o.error').label).toMatch(/header\.sglOffset/);
    expect(dissectI2oFrame(new Uint8Array(3))[0]!.name).toBe('i2o.error');
  });

  it('never throws and keeps every node inside the bytes, for random input', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
      const walk = (ns: FieldNode[]): void => ns.forEach((n) => {
        expect(n.offset >= 0 && n.offset + n.length <= bytes.length).toBe(true);
        if (n.children) walk(n.children);
      });
      walk(dissectI2oFrame(bytes));
    }), { numRuns: 500 });
  });
});

describe('dissectI2oFrame on socket options', () => {
  const le = (...v: number[]): Uint8Array => {
    const b = new Uint8Array(4 * v.length);
    v.forEach((x, i) => new DataView(b.buffer).setInt32(4 * i, x, true));
    return b;
  };

  it('names the level and option and shows a struct linger field by field over its bytes', () => {
    const b = frame({ op: 'SETSOCKOPT', handle: 6, level: 1, name: 13, optval: le(1, 7) });
    const tree = dissectI2oFrame(b);
    expect(one(tree, 'i2o.socket.level').label).toBe('Level (Linux numbering): 1 (SOL_SOCKET)');
    expect(one(tree, 'i2o.socket.name').label).toBe('Option name (Linux numbering): 13 (SO_LINGER)');
    expect(valueOf(b, one(tree, 'i2o.socket.optlen'))).toBe(8);
    const v = one(tree, 'i2o.socket.optval');
    expect(v.label).toBe('optval (8 bytes): struct linger {l_onoff 1, l_linger 7 s}');
    // Word 4 is the private word, 5-8 handle, level, optname and optlen: optval starts at byte 36, 16 bytes of room.
    expect([v.offset, v.length]).toEqual([36, 16]);
    expect(valueOf(b, one(tree, 'i2o.socket.optval.l_onoff'))).toBe(1);
    expect(valueOf(b, one(tree, 'i2o.socket.optval.l_linger'))).toBe(7);
    expect(one(tree, 'i2o.socket.optval.l_linger').offset).toBe(40);
    expect(one(tree, 'i2o.socket.optval.unused')).toMatchObject({ offset: 44, length: 8, label: 'Unused: 8 bytes (zero)' });
    expect(find(tree, 'i2o.socket.optval0')).toHaveLength(0);
  });

  it('shows an int option as its value and a congestion control name as text', () => {
    const rcvbuf = frame({ op: 'SETSOCKOPT', handle: 6, level: 1, name: 8, optval: le(65536) });
    let tree = dissectI2oFrame(rcvbuf);
    expect(one(tree, 'i2o.socket.name').label).toContain('(SO_RCVBUF)');
    expect(one(tree, 'i2o.socket.optval').label).toBe('optval (4 bytes): int 65536');
    expect(valueOf(rcvbuf, one(tree, 'i2o.socket.optval.int'))).toBe(65536);
    const cc = frame({ op: 'OPTVAL', level: 6, name: 13, optval: new TextEncoder().encode('cubic') });
    tree = dissectI2oFrame(cc);
    expect(one(tree, 'i2o.socket.level').label).toContain('(IPPROTO_TCP)');
    expect(one(tree, 'i2o.socket.name').label).toContain('(TCP_CONGESTION)');
    expect(one(tree, 'i2o.socket.optval').label).toBe('optval (5 bytes): "cubic"');
    expect(one(tree, 'i2o.socket.optval.name').length).toBe(5);
    const get = dissectI2oFrame(frame({ op: 'GETSOCKOPT', handle: 6, level: 6, name: 1, optlen: 16 }));
    expect(one(get, 'i2o.socket.name').label).toContain('(TCP_NODELAY)');
  });

  it('keeps the raw words of an option it does not know or bytes that do not fit the option', () => {
    const unknown = dissectI2oFrame(frame({ op: 'SETSOCKOPT', handle: 6, level: 9, name: 99, optval: le(5) }));
    expect(one(unknown, 'i2o.socket.level').label).toContain('(unknown level)');
    expect(one(unknown, 'i2o.socket.name').label).toContain('(unknown option)');
    expect(find(unknown, 'i2o.socket.optval')).toHaveLength(0);
    expect(one(unknown, 'i2o.socket.optval0').label).toBe('optval bytes 0-3: 5');
    const short = dissectI2oFrame(frame({ op: 'SETSOCKOPT', handle: 6, level: 1, name: 13, optval: le(1) }));
    expect(find(short, 'i2o.socket.optval')).toHaveLength(0);
    expect(find(short, 'i2o.socket.optval3')).toHaveLength(1);
    // An empty optval (a value with no C form) is shown as such.
    expect(one(dissectI2oFrame(frame({ op: 'SETSOCKOPT', handle: 6, level: 1, name: 7, optval: new Uint8Array(0) })), 'i2o.socket.optval').label)
      .toBe('optval (0 bytes): empty');
  });

  it("shows a CLOSE's abort word", () => {
    const b = frame({ op: 'CLOSE', handle: 6, abort: 1 });
    const tree = dissectI2oFrame(b);
    expect(valueOf(b, one(tree, 'i2o.socket.abort'))).toBe(1);
    expect(one(tree, 'i2o.socket.abort').label).toMatch(/^Abort .*: 1$/);
  });

  it('keeps every option node inside the frame, for any level, name and optval', () => {
    fc.assert(fc.property(fc.constantFrom(1, 6, 9), fc.constantFrom(1, 2, 7, 8, 13, 99), fc.uint8Array({ maxLength: 16 }), (level, name, optval) => {
      const b = frame({ op: 'SETSOCKOPT', handle: 1, level, name, optval });
      const walk = (ns: FieldNode[]): void => ns.forEach((n) => {
        expect(n.offset >= 0 && n.offset + n.length <= b.length).toBe(true);
        if (n.children) walk(n.children);
      });
      walk(dissectI2oFrame(b));
    }), { numRuns: 300 });
  });
});
