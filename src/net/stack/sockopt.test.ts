// The socket options' C ABI (sockopt.ts): each option's (level, optname) in
// Linux numbering, its optval bytes as C lays them out, and the promise the
// offload path relies on: applying decode(encode(v)) gives the same answer
// and the same socket state as applying v, for any value at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fd, SockOpt } from './api';
import { OPTVAL_MAX, optionFromC, optionToC, sockOptByCode, sockOptCode, type WireSockOpt } from './sockopt';
import { twoHosts } from './testing/world';

function le(...words: number[]): Uint8Array {
  const b = new Uint8Array(4 * words.length);
  const d = new DataView(b.buffer);
  words.forEach((w, i) => d.setInt32(4 * i, w, true));
  return b;
}

describe('socket option ABI', () => {
  it.each<[WireSockOpt, number, number]>([
    ['SO_REUSEADDR', 1, 2], ['SO_TYPE', 1, 3], ['SO_ERROR', 1, 4], ['SO_SNDBUF', 1, 7], ['SO_RCVBUF', 1, 8],
    ['SO_LINGER', 1, 13], ['TCP_NODELAY', 6, 1], ['TCP_CONGESTION', 6, 13],
  ])('%s is level %i, optname %i, and back', (opt, level, name) => {
    expect(sockOptCode(opt)).toEqual({ level, name });
    expect(sockOptByCode(level, name)).toBe(opt);
  });

  it('O_NONBLOCK and unknown names have no (level, optname): fcntl flags are not socket options', () => {
    expect(sockOptCode('O_NONBLOCK')).toBeNull();
    expect(sockOptCode('SO_BOGUS')).toBeNull();
    expect(sockOptCode('toString')).toBeNull();
    expect(sockOptByCode(1, 99)).toBeNull();
    expect(sockOptByCode(17, 1)).toBeNull();
  });

  it.each<[WireSockOpt, unknown, Uint8Array]>([
    ['TCP_NODELAY', true, le(1)],
    ['SO_REUSEADDR', false, le(0)],
    ['SO_SNDBUF', 65536, le(65536)],
    ['SO_RCVBUF', -1, le(-1)],
    ['SO_LINGER', { onoff: true, seconds: 30 }, le(1, 30)],
    ['SO_LINGER', { onoff: false, seconds: 3 }, le(0, 3)],
    ['SO_TYPE', 'dgram', le(2)],
    ['SO_ERROR', 111, le(111)],
    ['TCP_CONGESTION', 'cubic', new Uint8Array([0x63, 0x75, 0x62, 0x69, 0x63])],
  ])('%s = %j is the bytes a C caller passes, and decodes back', (opt, value, bytes) => {
    expect(optionToC(opt, value)).toEqual(bytes);
    expect(optionFromC(opt, bytes)).toEqual(value);
  });

  it.each<[WireSockOpt, unknown]>([
    ['SO_SNDBUF', 1.5], ['SO_SNDBUF', 2 ** 31], ['SO_SNDBUF', '8'], ['TCP_NODELAY', 1],
    ['SO_LINGER', { onoff: 1, seconds: 1 }], ['SO_LINGER', { onoff: true, seconds: 0.25 }], ['SO_LINGER', null], ['TCP_CONGESTION', 5],
  ])('%s = %j has no C form: empty optval, which decodes to null', (opt, value) => {
    expect(optionToC(opt, value).length).toBe(0);
    expect(optionFromC(opt, new Uint8Array(0))).toBeNull();
  });

  it('a name longer than TCP_CA_NAME_MAX is cut to its first 16 bytes; a NUL is kept, not a terminator', () => {
    expect(optionToC('TCP_CONGESTION', 'x'.repeat(40)).length).toBe(OPTVAL_MAX);
    expect(optionFromC('TCP_CONGESTION', optionToC('TCP_CONGESTION', 'cubic\0'))).toBe('cubic\0');
  });
});

const OPTS: SockOpt[] = ['SO_SNDBUF', 'SO_RCVBUF', 'SO_REUSEADDR', 'SO_LINGER', 'TCP_NODELAY', 'TCP_CONGESTION'];
const anyValue = fc.oneof(
  fc.boolean(), fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.NaN),
  fc.constantFrom('reno', 'newreno', 'cubic', 'bbr', '', 'cubic\0', '__proto__', 'constructor'), fc.string({ maxLength: 20 }),
  fc.record({ onoff: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 1 })), seconds: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double()) }),
  fc.constant(null), fc.constant(undefined),
);

describe('socket option values through their C form', () => {
  it('any value and its decode(encode(value)) get the same answer and leave the same option on the socket', () => {
    const w = twoHosts();
    fc.assert(fc.property(fc.constantFrom(...OPTS), anyValue, fc.constantFrom<'stream' | 'dgram'>('stream', 'dgram'), (opt, value, type) => {
      const direct = w.a.socket(type) as Fd;
      const carried = w.a.socket(type) as Fd;
      const wire = opt as WireSockOpt;
      const r1 = w.a.setsockopt(direct, opt, value as never);
      const r2 = w.a.setsockopt(carried, opt, optionFromC(wire, optionToC(wire, value)) as never);
      expect(r2).toEqual(r1);
      expect(w.a.getsockopt(carried, opt)).toEqual(w.a.getsockopt(direct, opt));
      w.a.close(direct);
      w.a.close(carried);
    }), { numRuns: 400 });
  });
});
