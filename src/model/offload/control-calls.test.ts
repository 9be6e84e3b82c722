// Control calls that sleep for the card (DESIGN.md 1.5; the real split driver
// posts a socket-class request and the calling thread sleeps until the reply
// frame): bind, listen and shutdown made with a continuation post their request
// with InitiatorContext CTX_CALL, the ISM applies it when it arrives, and the
// call completes when the reply is back, with the reply's errno, the same
// errno the native stack gives.
import { describe, expect, it } from 'vitest';
import { LAYER, TRACE_KIND } from '../../sim';
import { decodeSocketFrame, isI2oError } from '../../i2o';
import { PENDING, isPending, isSysError, type Fd, type SysError } from '../../net/stack';
import { nativeWorld } from '../machine/native.testing';
import { CTX_CALL } from './contexts';
import type { OsmUserInterface } from './osm/user-interface';
import { SERVER_ADDR, offloadWorld, type OffloadWorld } from './testing/world';

const MS = 1_000_000;

interface Frame {
  dir: 'inbound' | 'outbound';
  t: number;
  op: string;
  ctx: number;
}

function tapped(w: OffloadWorld): Frame[] {
  const frames: Frame[] = [];
  w.server.setI2oTap((dir, t, bytes) => {
    const d = decodeSocketFrame(bytes);
    if (isI2oError(d)) return;
    const m = d.socket;
    const op = m.op === 'COMPLETE' ? `COMPLETE(${m.request})` : m.op === 'ERROR' ? `ERROR(${m.failed})` : m.op;
    frames.push({ dir, t, op, ctx: d.frame.initiatorContext });
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
