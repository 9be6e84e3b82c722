import { describe, expect, it } from 'vitest';
import { HOST_TID, IOP_TID, MSG_FLAG_FAIL, MSG_FLAG_REPLY } from './constants';
import { FN_EXEC_STATUS_GET, FN_UTIL_NOP } from './functions';
import { formatI2oFrame, formatI2oMessage } from './print';
import { encodeSocketFrame, type SocketMessage } from './socket-class';

function line(m: SocketMessage, tctx = 0x5): string {
  const buf = new Uint8Array(256);
  const n = encodeSocketFrame(m, { initiatorContext: 0x12, transactionContext: tctx }, buf, 0);
  if (typeof n !== 'number') throw new Error(n.detail);
  return formatI2oFrame(buf.subarray(0, n));
}

describe('formatI2oMessage', () => {
  it('prints a SEND request on one line with its route, contexts, size, payload and SGL', () => {
    expect(line({ op: 'SEND', handle: 5, flags: 0, buffers: [{ address: 0x1000, length: 1460 }] })).toBe(
      'I2O 0x0001→0x0010 PRIVATE/SEND ctx=0x12 tctx=0x5 size=9w handle=5 flags=0 sgl[1]=1460B@0x1000',
    );
  });

  it('prints events and completions as replies from the DDM to the host, with their status', () => {
    expect(line({ op: 'RECV_DATA', handle: 5, flags: 0, buffers: [{ address: 0x20000, length: 512 }] }, 0x7)).toBe(
      'I2O 0x0010→0x0001 REPLY PRIVATE/RECV_DATA status=SUCCESS ctx=0x12 tctx=0x7 size=10w handle=5 flags=0 sgl[1]=512B@0x20000',
    );
    expect(line({ op: 'COMPLETE', request: 'SEND', handle: 5, value: 1460 })).toBe(
      'I2O 0x0010→0x0001 REPLY PRIVATE/SEND status=SUCCESS ctx=0x12 tctx=0x5 size=8w handle=5 value=1460',
    );
    expect(line({ op: 'CONNECTED', handle: 6, localAddr: 0x0a000001, localPort: 40000, remoteAddr: 0x0a000002, remotePort: 5001 })).toBe(
      'I2O 0x0010→0x0001 REPLY PRIVATE/CONNECTED status=SUCCESS ctx=0x12 tctx=0x5 size=11w handle=6 localAddr=10.0.0.1 localPort=40000 remoteAddr=10.0.0.2 remotePort=5001',
    );
    expect(line({ op: 'ERROR', handle: 6, errno: 111, failed: 'CONNECT' })).toContain('status=ERROR_NO_DATA_TRANSFER');
  });

  it('prints standard functions by name and a transport failure by its code', () => {
    const base = {
      version: 1, targetTid: IOP_TID, initiatorTid: HOST_TID, initiatorContext: 1, transactionContext: 2,
      priv: null, body: [], sgl: null,
    };
    expect(formatI2oMessage({ ...base, msgFlags: 0, func: FN_EXEC_STATUS_GET, reply: null })).toBe(
      'I2O 0x0001→0x0000 EXEC_STATUS_GET ctx=0x1 tctx=0x2 size=4w',
    );
    expect(formatI2oMessage({
      ...base, targetTid: HOST_TID, initiatorTid: IOP_TID, msgFlags: MSG_FLAG_REPLY | MSG_FLAG_FAIL, func: FN_UTIL_NOP,
      reply: { reqStatus: 0x83, severity: 8, detailedStatus: 0 },
    })).toBe('I2O 0x0000→0x0001 REPLY FAIL UTIL_NOP status=CONGESTION ctx=0x1 tctx=0x2 size=5w');
  });

  it('prints a malformed frame as its error', () => {
    expect(formatI2oFrame(new Uint8Array(4))).toBe('I2O malformed (truncated at header: 4 bytes, a header needs 16)');
  });
});

describe('formatI2oMessage on socket options and close', () => {
  const le = (...v: number[]): Uint8Array => {
    const b = new Uint8Array(4 * v.length);
    v.forEach((x, i) => new DataView(b.buffer).setInt32(4 * i, x, true));
    return b;
  };

  it('prints an option by its level and name with its value decoded', () => {
    expect(line({ op: 'SETSOCKOPT', handle: 1, level: 1, name: 13, optval: le(1, 7) })).toBe(
      'I2O 0x0001→0x0010 PRIVATE/SETSOCKOPT ctx=0x12 tctx=0x5 size=13w handle=1 opt=SOL_SOCKET/SO_LINGER optlen=8 optval={l_onoff=1,l_linger=7s}',
    );
    expect(line({ op: 'SETSOCKOPT', handle: 1, level: 1, name: 8, optval: le(65536) })).toContain('opt=SOL_SOCKET/SO_RCVBUF optlen=4 optval=65536');
    expect(line({ op: 'SETSOCKOPT', handle: 1, level: 6, name: 1, optval: le(1) })).toContain('opt=IPPROTO_TCP/TCP_NODELAY optlen=4 optval=1');
    expect(line({ op: 'OPTVAL', level: 6, name: 13, optval: new TextEncoder().encode('cubic') })).toBe(
      'I2O 0x0010→0x0001 REPLY PRIVATE/OPTVAL status=SUCCESS ctx=0x12 tctx=0x5 size=13w opt=IPPROTO_TCP/TCP_CONGESTION optlen=5 optval="cubic"',
    );
    expect(line({ op: 'GETSOCKOPT', handle: 1, level: 1, name: 4, optlen: 16 })).toBe(
      'I2O 0x0001→0x0010 PRIVATE/GETSOCKOPT ctx=0x12 tctx=0x5 size=9w handle=1 opt=SOL_SOCKET/SO_ERROR optlen=16',
    );
  });

  it('prints numbers for an option it does not know and hex for bytes that do not fit', () => {
    expect(line({ op: 'SETSOCKOPT', handle: 1, level: 9, name: 99, optval: new Uint8Array([1, 2, 0xab]) })).toContain('opt=9/99 optlen=3 optval=0x0102ab');
    expect(line({ op: 'SETSOCKOPT', handle: 1, level: 1, name: 7, optval: new Uint8Array(0) })).toContain('opt=SOL_SOCKET/SO_SNDBUF optlen=0 optval=(empty)');
  });

  it("prints a CLOSE's abort word", () => {
    expect(line({ op: 'CLOSE', handle: 6, abort: 1 })).toBe('I2O 0x0001→0x0010 PRIVATE/CLOSE ctx=0x12 tctx=0x5 size=7w handle=6 abort=1');
    expect(line({ op: 'CLOSE', handle: 6 })).toContain('handle=6 abort=0');
  });
});
