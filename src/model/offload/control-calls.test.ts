// Control calls that sleep for the card (DESIGN.md 1.5; the real split driver
// posts a socket-class request and the calling thread sleeps until the reply
// frame): bind, listen and shutdown made with a continuation post their request
// with InitiatorContext CTX_CALL, the ISM applies it when it arrives, and the
// call completes when the reply is back, with the reply's errno, the same
// errno the native stack gives. setsockopt and getsockopt made with one carry
// the option as setsockopt(2) passes it (level, optname, optval bytes), the
// card applies or reads it when it handles the frame, and the caller sleeps
// for COMPLETE, OPTVAL or ERROR. close releases the descriptor at once; the
// card's COMPLETE(CLOSE) frees the OSM's record and its lent buffers; a close
// that must reset says so in CLOSE's abort word, honoured by the card.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND, categoryIndex, type Category, type Processor } from '../../sim';
import { decodeSocketFrame, isI2oError } from '../../i2o';
import { PENDING, isPending, isSysError, type Accepted, type Fd, type SysError } from '../../net/stack';
import { nativeWorld } from '../machine/native.testing';
import { SOCKOPTS, sockoptOf } from '../../i2o/socket-codes';
import { sockOptByCode, sockOptCode } from '../../net/stack/sockopt';
import { CTX_CALL, CTX_CONTROL } from './contexts';
import type { OsmUserInterface } from './osm/user-interface';
import { PEER_ADDR, SERVER_ADDR, offloadWorld, type OffloadWorld } from './testing/world';

const MS = 1_000_000;

interface Frame {
  dir: 'inbound' | 'outbound';
  t: number;
  op: string;
  ctx: number;
  /** The frame's 32-bit words, little-endian as on the bus. */
  words: number[];
}

function tapped(w: OffloadWorld): Frame[] {
  const frames: Frame[] = [];
  w.server.setI2oTap((dir, t, bytes) => {
    const d = decodeSocketFrame(bytes);
    if (isI2oError(d)) return;
    const m = d.socket;
    const op = m.op === 'COMPLETE' ? `COMPLETE(${m.request})` : m.op === 'ERROR' ? `ERROR(${m.failed})` : m.op;
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const words = Array.from({ length: bytes.length >> 2 }, (_, i) => v.getUint32(4 * i, true));
    frames.push({ dir, t, op, ctx: d.frame.initiatorContext, words });
  });
  return frames;
}

class Done<T> {
  value: T | SysError | undefined;
  at = -1;
  constructor(private readonly w: OffloadWorld) {}
  readonly cont = (r: T | SysError): void => {
    this.value = r;
    this.at = this.w.sim.now;
  };
}

describe('offload control calls that sleep for the reply', () => {
  it('bind with a continuation returns PENDING and completes after its reply frame crossed the bus back', () => {
    const w = offloadWorld();
    w.sim.trace.enabled = true;
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const fd = osm.socket('stream') as Fd;
    const t0 = w.sim.now;
    const done = new Done<0>(w);
    expect(osm.bind(fd, { addr: 0, port: 6000 }, done.cont)).toBe(PENDING);
    expect(done.value).toBeUndefined();
    w.run(1 * MS);
    expect(done.value).toBe(0);
    const req = frames.find((f) => f.op === 'BIND')!;
    const reply = frames.find((f) => f.op === 'COMPLETE(BIND)')!;
    expect([req.dir, req.ctx, reply.dir, reply.ctx]).toEqual(['inbound', CTX_CALL, 'outbound', CTX_CALL]);
    expect(req.t).toBeGreaterThanOrEqual(t0);
    expect(reply.t).toBeGreaterThan(req.t);
    expect(done.at).toBeGreaterThan(reply.t);
    // The card's socket is bound: the address is taken for anyone else.
    expect((osm.getsockname(fd) as { port: number }).port).toBe(6000);
    // Trace: the call's return crossings come after its reply reached the OSM (i2o > osm, same span).
    const rs = w.sim.trace.toArray();
    // The bind is the second call made at t0 (after socket()).
    const call = rs.filter((r) => r.kind === TRACE_KIND.call && r.to === LAYER.osm && r.time === t0)[1]!;
    const back = rs.filter((r) => r.span === call.span && r.kind === TRACE_KIND['i2o-message'] && r.from === LAYER.i2o && r.to === LAYER.osm);
    const ret = rs.filter((r) => r.span === call.span && r.kind === TRACE_KIND.return);
    expect(back.length).toBe(1);
    expect(ret.map((r) => r.to)).toEqual([LAYER.socket, LAYER.syscall, LAYER.app]);
    expect(ret[0]!.time).toBeGreaterThan(back[0]!.time);
    expect(ret[0]!.time).toBe(done.at);
  });

  it('the errno comes from the card in an ERROR reply and is the native one (EADDRINUSE, EINVAL)', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const a = osm.socket('stream') as Fd;
    expect(osm.bind(a, { addr: 0, port: 6001 })).toBe(0);
    const b = osm.socket('stream') as Fd;
    const inUse = new Done<0>(w);
    expect(isPending(osm.bind(b, { addr: 0, port: 6001 }, inUse.cont))).toBe(true);
    const again = new Done<0>(w);
    expect(isPending(osm.bind(a, { addr: 0, port: 6002 }, again.cont))).toBe(true);
    w.run(1 * MS);
    const n = nativeWorld();
    const na = n.server.api.socket('stream') as Fd;
    n.server.api.bind(na, { addr: 0, port: 6001 });
    const nb = n.server.api.socket('stream') as Fd;
    const native = [n.server.api.bind(nb, { addr: 0, port: 6001 }), n.server.api.bind(na, { addr: 0, port: 6002 })];
    expect([inUse.value, again.value]).toEqual(native);
    expect(isSysError(inUse.value) && inUse.value.errno).toBe('EADDRINUSE');
    expect(frames.filter((f) => f.op === 'ERROR(BIND)').map((f) => f.ctx)).toEqual([CTX_CALL, CTX_CALL]);
    expect(w.server.offload.malformedFrames).toBe(0);
  });

  it('listen with a continuation sleeps for the card, then the socket accepts; shutdown sleeps too and then writes fail with EPIPE', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const l = osm.socket('stream') as Fd;
    expect(osm.bind(l, { addr: 0, port: 6003 })).toBe(0);
    const listening = new Done<0>(w);
    expect(isPending(osm.listen(l, 4, listening.cont))).toBe(true);
    // Before the reply the OSM does not yet take the socket as listening.
    expect(osm.accept(l)).toEqual({ errno: 'EINVAL' });
    w.run(1 * MS);
    expect(listening.value).toBe(0);
    expect(listening.at).toBeGreaterThan(frames.find((f) => f.op === 'COMPLETE(LISTEN)')!.t);
    const c = w.peer.socket('stream') as Fd;
    w.peer.connect(c, { addr: SERVER_ADDR, port: 6003 }, () => undefined);
    w.run(2 * MS);
    const got = osm.accept(l);
    expect(isSysError(got) || isPending(got)).toBe(false);
    const s = (got as { fd: Fd }).fd;
    const shut = new Done<0>(w);
    expect(isPending(osm.shutdown(s, 'wr', shut.cont))).toBe(true);
    w.run(1 * MS);
    expect(shut.value).toBe(0);
    expect(shut.at).toBeGreaterThan(frames.find((f) => f.op === 'COMPLETE(SHUTDOWN)' && f.ctx === CTX_CALL)!.t);
    expect(osm.send(s, new Uint8Array(10))).toEqual({ errno: 'EPIPE' });
    // The peer sees the FIN: end of stream.
    expect(w.peer.recv(c, new Uint8Array(10))).toBe(0);
    // A sleeping shutdown of a socket that never connected gets ENOTCONN from the card, as native.
    const idle = osm.socket('stream') as Fd;
    const notConn = new Done<0>(w);
    osm.shutdown(idle, 'rdwr', notConn.cont);
    w.run(1 * MS);
    expect(notConn.value).toEqual({ errno: 'ENOTCONN' });
  });
});

function cycles(p: Processor, c: Category): number {
  return p.cyclesByCategory()[categoryIndex(c)]!;
}

describe('offload socket options over I2O', () => {
  it('setsockopt with a continuation carries level, optname and the optval bytes, and completes after the reply', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const fd = osm.socket('stream') as Fd;
    w.run(1 * MS);
    const handle = frames.find((f) => f.op === 'SOCKET')!.words[3]!;
    const cases: [string, () => unknown, number[]][] = [
      // [what, the call, payload words after the handle: level, optname, optlen, optval words]
      ['TCP_NODELAY on', () => osm.setsockopt(fd, 'TCP_NODELAY', true, done.cont), [6, 1, 4, 1, 0, 0, 0]],
      ['SO_LINGER on, 7 s', () => osm.setsockopt(fd, 'SO_LINGER', { onoff: true, seconds: 7 }, done.cont), [1, 13, 8, 1, 7, 0, 0]],
      ['SO_LINGER off, 3 s kept', () => osm.setsockopt(fd, 'SO_LINGER', { onoff: false, seconds: 3 }, done.cont), [1, 13, 8, 0, 3, 0, 0]],
      ['TCP_CONGESTION cubic', () => osm.setsockopt(fd, 'TCP_CONGESTION', 'cubic', done.cont), [6, 13, 5, 0x6962_7563, 0x63, 0, 0]],
      // The card is told its half of the buffer; the OSM keeps the rest as its pool share.
      ['SO_SNDBUF 65536', () => osm.setsockopt(fd, 'SO_SNDBUF', 65536, done.cont), [1, 7, 4, 32768, 0, 0, 0]],
      ['SO_REUSEADDR on', () => osm.setsockopt(fd, 'SO_REUSEADDR', true, done.cont), [1, 2, 4, 1, 0, 0, 0]],
    ];
    let done = new Done<0>(w);
    for (const [what, call, payload] of cases) {
      done = new Done<0>(w);
      const before = frames.length;
      const hostOsm = cycles(w.server.appCpu, 'osm');
      const iopIsm = cycles(w.server.iop!, 'ism');
      expect(call(), what).toBe(PENDING);
      w.run(1 * MS);
      expect(done.value, what).toBe(0);
      const req = frames.slice(before).find((f) => f.dir === 'inbound')!;
      const reply = frames.slice(before).find((f) => f.dir === 'outbound')!;
      // Word 0: MessageSize 13, no SGL, version 1; word 1: Function 0xFF from the host to the socket DDM.
      expect(req.words.slice(0, 2), what).toEqual([0x000d_0001, 0xff00_1010]);
      expect([req.ctx, req.words[4], req.words[5]], what).toEqual([CTX_CALL, 0x4f4c_000a, handle]);
      expect(req.words.slice(6), what).toEqual(payload);
      expect([reply.op, reply.ctx, reply.words[3]], what).toEqual(['COMPLETE(SETSOCKOPT)', CTX_CALL, req.words[3]]);
      expect(done.at, what).toBeGreaterThan(reply.t);
      // The host paid for building the request, the IOP for handling it.
      expect(cycles(w.server.appCpu, 'osm'), what).toBeGreaterThan(hostOsm);
      expect(cycles(w.server.iop!, 'ism'), what).toBeGreaterThan(iopIsm);
    }
    // The card's own socket (the ISM stack's only one, its lowest descriptor) holds what was set, and its half of the send buffer.
    const card = 3;
    expect(w.server.ism.getsockopt(card, 'TCP_CONGESTION')).toBe('cubic');
    expect(w.server.ism.getsockopt(card, 'SO_LINGER')).toEqual({ onoff: false, seconds: 3 });
    expect(w.server.ism.getsockopt(card, 'SO_SNDBUF')).toBe(32768);
    expect(osm.getsockopt(fd, 'SO_SNDBUF')).toBe(65536);
    expect(w.server.offload.malformedFrames).toBe(0);
  });

  it('getsockopt with a continuation asks with GETSOCKOPT and returns what the card has; host options send nothing', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const fd = osm.socket('stream') as Fd;
    expect(osm.setsockopt(fd, 'SO_LINGER', { onoff: true, seconds: 30 })).toBe(0);
    w.run(1 * MS);
    const before = frames.length;
    const got = new Done<{ onoff: boolean; seconds: number }>(w);
    expect(osm.getsockopt(fd, 'SO_LINGER', got.cont)).toBe(PENDING);
    w.run(1 * MS);
    expect(got.value).toEqual({ onoff: true, seconds: 30 });
    const req = frames.slice(before).find((f) => f.dir === 'inbound')!;
    expect(req.words[0]).toBe(0x0009_0001); // MessageSize 9
    expect([req.ctx, req.words[4], req.words.slice(6)]).toEqual([CTX_CALL, 0x4f4c_000b, [1, 13, 16]]);
    const reply = frames.slice(before).find((f) => f.dir === 'outbound')!;
    expect([reply.ctx, reply.words[3]]).toEqual([CTX_CALL, req.words[3]]);
    expect(got.at).toBeGreaterThan(reply.t);
    // O_NONBLOCK, SO_TYPE and the buffer sizes are the OSM's: answered at the call, no frame.
    const quiet = frames.length;
    const nb = new Done<boolean>(w);
    expect(osm.getsockopt(fd, 'O_NONBLOCK', nb.cont)).toBe(false);
    expect(osm.getsockopt(fd, 'SO_TYPE', () => undefined)).toBe('stream');
    expect(osm.getsockopt(fd, 'SO_RCVBUF', () => undefined)).toBe(131072);
    expect(osm.setsockopt(fd, 'O_NONBLOCK', true, () => undefined)).toBe(0);
    w.run(1 * MS);
    expect(frames.length).toBe(quiet);
    expect(nb.value).toBeUndefined();
  });
});

describe('offload socket options applied by the card', () => {
  it('the card applies a SETSOCKOPT when the IOP handles it, not at the call, and answers a refused one with ERROR and the errno', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const fd = osm.socket('stream') as Fd;
    w.run(1 * MS);
    const card = 3; // the card's socket: the ISM stack's only one
    const before = w.server.ism.getsockopt(card, 'TCP_CONGESTION');
    expect(before).not.toBe('cubic');
    const done = new Done<0>(w);
    const iopIsm = cycles(w.server.iop!, 'ism');
    expect(osm.setsockopt(fd, 'TCP_CONGESTION', 'cubic', done.cont)).toBe(PENDING);
    // Nothing has reached the card yet: its socket still has the old value, and the OSM has noted nothing.
    expect(w.server.ism.getsockopt(card, 'TCP_CONGESTION')).toBe(before);
    w.run(1 * MS);
    expect(done.value).toBe(0);
    expect(w.server.ism.getsockopt(card, 'TCP_CONGESTION')).toBe('cubic');
    expect(cycles(w.server.iop!, 'ism')).toBeGreaterThan(iopIsm);
    // A refused option travels too and comes back as ERROR(SETSOCKOPT) with the native errno.
    const cases: [string, () => unknown, number][] = [
      ['TCP_CONGESTION bbr9', () => osm.setsockopt(fd, 'TCP_CONGESTION', 'bbr9', bad.cont), 2], // ENOENT
      ['SO_SNDBUF -1', () => osm.setsockopt(fd, 'SO_SNDBUF', -1, bad.cont), 22], // EINVAL
      ['SO_LINGER -1 s', () => osm.setsockopt(fd, 'SO_LINGER', { onoff: true, seconds: -1 }, bad.cont), 22],
    ];
    let bad = new Done<0>(w);
    for (const [what, call, errno] of cases) {
      bad = new Done<0>(w);
      const from = frames.length;
      expect(call(), what).toBe(PENDING);
      w.run(1 * MS);
      const req = frames.slice(from).find((f) => f.dir === 'inbound')!;
      const reply = frames.slice(from).find((f) => f.dir === 'outbound')!;
      expect([req.op, req.ctx], what).toEqual(['SETSOCKOPT', CTX_CALL]);
      // ERROR: status word ERROR_NO_DATA_TRANSFER, private word, handle, errno, the failed XFunctionCode.
      expect([reply.op, reply.ctx, reply.words[3], reply.words[4]! >>> 24, reply.words[5], reply.words[7], reply.words[8]], what)
        .toEqual(['ERROR(SETSOCKOPT)', CTX_CALL, req.words[3], 0x05, 0x4f4c_0085, errno, 0x000a]);
      expect(bad.value, what).toEqual({ errno: errno === 2 ? 'ENOENT' : 'EINVAL' });
      expect(bad.at, what).toBeGreaterThan(reply.t);
    }
    expect(w.server.ism.getsockopt(card, 'TCP_CONGESTION')).toBe('cubic');
    expect(osm.getsockopt(fd, 'SO_SNDBUF')).toBe(131072);
    expect(w.server.offload.malformedFrames).toBe(0);
  });

  it('a GETSOCKOPT is answered by OPTVAL with the option as C lays it out, or by ERROR(ENOPROTOOPT)', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const fd = osm.socket('stream') as Fd;
    const u = osm.socket('dgram') as Fd;
    expect(osm.setsockopt(fd, 'SO_LINGER', { onoff: true, seconds: 9 })).toBe(0);
    expect(osm.setsockopt(fd, 'TCP_CONGESTION', 'cubic')).toBe(0);
    w.run(1 * MS);
    const cases: [string, Fd, 'SO_LINGER' | 'TCP_CONGESTION' | 'TCP_NODELAY', unknown, string, number[]][] = [
      // [what, fd, option, value returned, reply, reply payload words: level, optname, optlen, optval words]
      ['SO_LINGER', fd, 'SO_LINGER', { onoff: true, seconds: 9 }, 'OPTVAL', [1, 13, 8, 1, 9, 0, 0]],
      ['TCP_CONGESTION', fd, 'TCP_CONGESTION', 'cubic', 'OPTVAL', [6, 13, 5, 0x6962_7563, 0x63, 0, 0]],
      ['TCP_NODELAY off', fd, 'TCP_NODELAY', false, 'OPTVAL', [6, 1, 4, 0, 0, 0, 0]],
    ];
    for (const [what, f, opt, value, op, payload] of cases) {
      const got = new Done<unknown>(w);
      const from = frames.length;
      expect(osm.getsockopt(f, opt, got.cont as never), what).toBe(PENDING);
      w.run(1 * MS);
      const reply = frames.slice(from).find((x) => x.dir === 'outbound')!;
      expect([reply.op, reply.ctx, reply.words[5]], what).toEqual([op, CTX_CALL, 0x4f4c_0087]);
      expect(reply.words.slice(6), what).toEqual(payload);
      expect(got.value, what).toEqual(value);
    }
    const nodelay = new Done<boolean>(w);
    const from = frames.length;
    expect(osm.getsockopt(u, 'TCP_NODELAY', nodelay.cont)).toBe(PENDING);
    w.run(1 * MS);
    const reply = frames.slice(from).find((x) => x.dir === 'outbound')!;
    expect([reply.op, reply.words[7], reply.words[8]]).toEqual(['ERROR(GETSOCKOPT)', 92, 0x000b]); // ENOPROTOOPT
    expect(nodelay.value).toEqual({ errno: 'ENOPROTOOPT' });
  });

  it('a synchronous setsockopt answers at the call and its SETSOCKOPT follows on CTX_CONTROL; a refused one sends nothing', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const fd = osm.socket('stream') as Fd;
    w.run(1 * MS);
    const from = frames.length;
    expect(osm.setsockopt(fd, 'TCP_NODELAY', true)).toBe(0);
    // The answer is the card's option code's, run at the call: the next call already sees it.
    expect(w.server.ism.getsockopt(3, 'TCP_NODELAY')).toBe(true);
    expect(osm.setsockopt(fd, 'TCP_CONGESTION', 'bbr9')).toEqual({ errno: 'ENOENT' });
    expect(osm.getsockopt(fd, 'TCP_NODELAY')).toBe(true);
    w.run(1 * MS);
    const sent = frames.slice(from);
    expect(sent.map((f) => [f.op, f.ctx])).toEqual([['SETSOCKOPT', CTX_CONTROL], ['COMPLETE(SETSOCKOPT)', CTX_CONTROL]]);
    expect(sent[0]!.words.slice(6)).toEqual([6, 1, 4, 1, 0, 0, 0]);
  });

  it("the socket class's option names are the stack's (level, optname) numbers", () => {
    for (const opt of ['SO_REUSEADDR', 'SO_TYPE', 'SO_ERROR', 'SO_SNDBUF', 'SO_RCVBUF', 'SO_LINGER', 'TCP_NODELAY', 'TCP_CONGESTION'] as const) {
      const c = sockOptCode(opt)!;
      expect(sockoptOf(c.level, c.name)?.name, opt).toBe(opt);
    }
    for (const [code, { name }] of SOCKOPTS) expect(sockOptByCode(code >>> 16, code & 0xffff)).toBe(name);
  });
});

describe('offload close that resets', () => {
  it('close with unread data sends CLOSE with abort 1, and the card resets the connection when it handles the frame', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const l = w.peer.socket('stream') as Fd;
    w.peer.bind(l, { addr: 0, port: 7600 });
    w.peer.listen(l, 4);
    const fds: Fd[] = [];
    const peers: Fd[] = [];
    for (let i = 0; i < 2; i++) {
      const fd = osm.socket('stream') as Fd;
      osm.connect(fd, { addr: PEER_ADDR, port: 7600 }, () => undefined);
      w.run(2 * MS);
      fds.push(fd);
      peers.push((w.peer.accept(l) as Accepted).fd);
      expect(w.peer.send(peers[i]!, new Uint8Array(500))).toBe(500);
    }
    w.run(2 * MS);
    expect(osm.recv(fds[1]!, new Uint8Array(1000))).toBe(500);
    const card = w.server.ism;
    const from = frames.length;
    expect(osm.close(fds[0]!)).toBe(0);
    // The OSM changed nothing on the card's socket at the call: the abort is in the frame.
    expect(card.getsockopt(3, 'SO_LINGER')).toEqual({ onoff: false, seconds: 0 });
    expect(osm.close(fds[1]!)).toBe(0);
    w.run(5 * MS);
    const closes = frames.slice(from).filter((f) => f.op === 'CLOSE');
    // Word 0: MessageSize 7; then the private word (CLOSE), the handle and the abort word.
    expect(closes.map((f) => [f.words[0], f.words[4], f.words[6]])).toEqual([[0x0007_0001, 0x4f4c_0009, 1], [0x0007_0001, 0x4f4c_0009, 0]]);
    expect(w.peer.recv(peers[0]!, new Uint8Array(10))).toEqual({ errno: 'ECONNRESET' });
    expect(w.peer.recv(peers[1]!, new Uint8Array(10))).toBe(0);
    expect(frames.slice(from).filter((f) => f.op === 'COMPLETE(CLOSE)')).toHaveLength(2);
  });

  it('a listener closed with connections the card accepted ahead sends an aborting CLOSE for each', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const ls = osm.socket('stream') as Fd;
    osm.bind(ls, { addr: 0, port: 7700 });
    osm.listen(ls, 8);
    const clients: Fd[] = [];
    for (let i = 0; i < 3; i++) {
      const c = w.peer.socket('stream') as Fd;
      clients.push(c);
      w.peer.connect(c, { addr: SERVER_ADDR, port: 7700 }, () => undefined);
    }
    w.run(5 * MS);
    const accepted = frames.filter((f) => f.op === 'ACCEPTED').map((f) => f.words[7]!);
    expect(accepted).toHaveLength(3);
    const from = frames.length;
    expect(osm.close(ls)).toBe(0);
    w.run(5 * MS);
    const closes = frames.slice(from).filter((f) => f.op === 'CLOSE').map((f) => [f.words[5], f.words[6]]);
    expect(closes).toEqual(expect.arrayContaining(accepted.map((h) => [h, 1])));
    for (const c of clients) expect(w.peer.recv(c, new Uint8Array(10))).toEqual({ errno: 'ECONNRESET' });
    expect(osm.records).toEqual({ sockets: 0, cardSockets: 0, sleepingCalls: 0, sendsInFlight: 0 });
  });
});

describe('offload close', () => {
  it('many open, connect, send, receive and close cycles leave no socket record, lent buffer, pool buffer or sleeping call behind', () => {
    const w = offloadWorld();
    const osm = w.server.api as OsmUserInterface;
    const l = w.peer.socket('stream') as Fd;
    w.peer.bind(l, { addr: 0, port: 7300 });
    w.peer.listen(l, 64);
    const peerFds: Fd[] = [];
    for (let i = 0; i < 60; i++) {
      const fd = osm.socket('stream') as Fd;
      if (i % 3 === 1) osm.setsockopt(fd, 'SO_LINGER', { onoff: true, seconds: 1 }, () => undefined);
      const conn = new Done<0>(w);
      osm.connect(fd, { addr: PEER_ADDR, port: 7300 }, conn.cont);
      w.run(2 * MS);
      expect(conn.value, `connection ${i}`).toBe(0);
      const a = w.peer.accept(l) as Accepted;
      peerFds.push(a.fd);
      osm.send(fd, new Uint8Array(3000 + i), () => undefined);
      w.peer.send(a.fd, new Uint8Array(2000), () => undefined);
      w.run(2 * MS);
      // Every third connection is closed with data unread (a reset), the others after reading it.
      if (i % 3 !== 2) osm.recv(fd, new Uint8Array(4096));
      const closed = new Done<0>(w);
      const r = osm.close(fd, closed.cont);
      expect(isPending(r) || r === 0).toBe(true);
      expect(osm.close(fd)).toEqual({ errno: 'EBADF' });
      w.run(1 * MS);
    }
    for (const fd of peerFds) w.peer.close(fd);
    // A datagram socket and a listener with connections the application never took.
    const u = osm.socket('dgram') as Fd;
    osm.bind(u, { addr: 0, port: 7400 });
    const ls = osm.socket('stream') as Fd;
    osm.bind(ls, { addr: 0, port: 7401 });
    osm.listen(ls, 8);
    for (let i = 0; i < 3; i++) w.peer.connect(w.peer.socket('stream') as Fd, { addr: SERVER_ADDR, port: 7401 }, () => undefined);
    w.run(5 * MS);
    osm.close(u);
    osm.close(ls);
    w.run(3000 * MS);
    expect(osm.openFds).toBe(0);
    expect(osm.records).toEqual({ sockets: 0, cardSockets: 0, sleepingCalls: 0, sendsInFlight: 0 });
    expect(w.server.pools.tx.available).toBe(w.server.pools.tx.count);
    expect(w.server.pools.rx.available).toBe(w.server.pools.rx.count);
    expect(w.server.offload.malformedFrames).toBe(0);
  });

  it('a lingering close sleeps until the card reports the close done, and the descriptor is gone at the call', () => {
    const w = offloadWorld();
    const frames = tapped(w);
    const osm = w.server.api as OsmUserInterface;
    const l = w.peer.socket('stream') as Fd;
    w.peer.bind(l, { addr: 0, port: 7500 });
    w.peer.listen(l, 4);
    const fd = osm.socket('stream') as Fd;
    osm.connect(fd, { addr: PEER_ADDR, port: 7500 }, () => undefined);
    w.run(2 * MS);
    expect(osm.setsockopt(fd, 'SO_LINGER', { onoff: true, seconds: 5 })).toBe(0);
    expect(osm.send(fd, new Uint8Array(20_000))).toBe(20_000);
    const closed = new Done<0>(w);
    expect(osm.close(fd, closed.cont)).toBe(PENDING);
    expect(osm.getsockopt(fd, 'SO_TYPE')).toEqual({ errno: 'EBADF' });
    expect(osm.socket('stream')).toBe(fd);
    w.run(50 * MS);
    expect(closed.value).toBe(0);
    const done = frames.find((f) => f.op === 'COMPLETE(CLOSE)')!;
    expect(done.dir).toBe('outbound');
    expect(closed.at).toBeGreaterThan(done.t);
  });
});
