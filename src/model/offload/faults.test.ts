// Card-side faults (DESIGN.md 1.7) are handled as the real system would: a
// dry DMA pool is backpressure (the sender waits, the card holds received data
// and TCP's window closes), a full I2O queue makes the host back off and
// retry, a failed DMA is run again. No byte is lost or duplicated.
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim';
import { isSysError, type SysError } from '../../net/stack';
import { Outcome, connectPair } from '../../net/stack/testing/socket-suite';
import { PEER_ADDR, SERVER_ADDR, DEAD_ADDR } from './testing/world';
import type { OffloadOptions } from './config';
import { startBulk } from './testing/bulk';
import { offloadWorld } from './testing/world';

const TOTAL = 1_500_000;

function transfer(dir: 'server-sends' | 'server-receives', server: Partial<OffloadOptions>, runMs = 150) {
  const w = offloadWorld({ server });
  const run = startBulk(w, dir, TOTAL, 65536, 11);
  w.run(runMs * 1e6);
  const c = w.server.counters();
  const peerConn = [...w.peerMachine.tcpConnections()].find((k) => k.state !== 'LISTEN');
  const ismConn = w.server.tcpConnections();
  let retransmits = peerConn?.retransmits ?? 0;
  for (const k of ismConn) retransmits += k.retransmits;
  const wireDrops = w.link.aToB.counters.droppedQueueFull + w.link.bToA.counters.droppedQueueFull;
  return { w, run, c, retransmits, wireDrops };
}

function report(label: string, r: ReturnType<typeof transfer>): void {
  console.log(`${label}: ${r.run.received()} of ${TOTAL} B delivered, intact=${r.run.checker?.ok}, ` +
    `poolExhausted=${r.c.poolExhausted}, i2oQueueFull=${r.c.i2oQueueFull}, dmaErrors=${r.w.server.offload.dmaErrors}, ` +
    `MAC drops=${r.c.rxRingDrops}, wire drops=${r.wireDrops}, TCP retransmits=${r.retransmits}, runtimeAllocations=${r.c.runtimeAllocations}`);
}

function expectExactDelivery(r: ReturnType<typeof transfer>): void {
  expect(r.run.received()).toBe(TOTAL);
  expect(r.run.checker!.ok).toBe(true);
  expect(r.c.runtimeAllocations).toBe(0);
  expect(r.c.rxRingDrops).toBe(0);
}

describe('card-side faults', () => {
  it('tiny transmit and receive pools slow the transfer but deliver every byte once', () => {
    const pools = { txPool: { buffers: 2 }, rxPool: { buffers: 2 } };
    const send = transfer('server-sends', pools);
    report('tiny pools, server sends', send);
    expectExactDelivery(send);
    const recv = transfer('server-receives', pools);
    report('tiny pools, server receives', recv);
    expectExactDelivery(recv);
    expect(send.c.poolExhausted + recv.c.poolExhausted).toBeGreaterThan(0);
  });

  it('withheld receive buffers make the card hold the data: the window closes, nothing is dropped', () => {
    const w = offloadWorld({ server: { faults: { poolExhaustion: [{ pool: 'rx', atNs: millis(3), forNs: millis(30) }] } } });
    const run = startBulk(w, 'server-receives', TOTAL, 65536, 13);
    w.run(10e6);
    const at10 = run.received();
    w.run(20e6);
    const stalled = run.received() - at10;
    const conn = [...w.server.tcpConnections()].find((k) => k.state === 'ESTABLISHED')!;
    const held = conn.recvAvailable;
    w.run(120e6);
    const c = w.server.counters();
    const wireDrops = w.link.aToB.counters.droppedQueueFull + w.link.bToA.counters.droppedQueueFull;
    console.log(`receive pool withheld 3-33 ms: ${stalled} B reached the application in 10-30 ms, the ISM held ${held} B ` +
      `(its window closed), ${run.received()} B in all, intact=${run.checker?.ok}, poolExhausted=${c.poolExhausted}, wire drops=${wireDrops}`);
    expect(stalled).toBe(0);
    expect(held).toBeGreaterThan(0);
    expect(run.received()).toBe(TOTAL);
    expect(run.checker!.ok).toBe(true);
    expect(c.poolExhausted).toBeGreaterThan(0);
    expect(wireDrops).toBe(0);
    expect(w.server.ism.drops.total).toBe(0);
  });

  it('withheld transmit buffers make the sender wait, then it resumes', () => {
    const w = offloadWorld({ server: { faults: { poolExhaustion: [{ pool: 'tx', atNs: millis(3), forNs: millis(20) }] } } });
    const run = startBulk(w, 'server-sends', TOTAL, 65536, 12);
    w.run(8e6);
    const during = run.received();
    w.run(10e6);
    const stalled = run.received() - during;
    w.run(130e6);
    console.log(`transmit pool withheld 3-23 ms: ${stalled} B moved in 8-18 ms, ${run.received()} B in all, intact=${run.checker?.ok}`);
    expect(stalled).toBe(0);
    expect(run.received()).toBe(TOTAL);
    expect(run.checker!.ok).toBe(true);
  });

  it('a full inbound I2O queue makes the host back off and retry, never drop', () => {
    const few = transfer('server-sends', { inboundFrames: 1 });
    report('1 inbound frame, server sends', few);
    expectExactDelivery(few);
    const windowed = transfer('server-receives', {
      inboundFrames: 4,
      outboundFrames: 4,
      faults: { i2oQueueFull: [{ queue: 'inbound', atNs: millis(2), forNs: millis(10) }, { queue: 'outbound', atNs: millis(15), forNs: millis(10) }] },
    });
    report('4 frames each way, inbound then outbound queue held full for 10 ms, server receives', windowed);
    expectExactDelivery(windowed);
    expect(few.c.i2oQueueFull + windowed.c.i2oQueueFull).toBeGreaterThan(0);
    expect(windowed.w.server.offload.outboundFull).toBeGreaterThan(0);
  });

  it('DMA errors are retried: every byte arrives exactly once in both directions', () => {
    const send = transfer('server-sends', { faults: { dmaErrorRate: 0.05 } });
    report('5% DMA errors, server sends', send);
    expectExactDelivery(send);
    const recv = transfer('server-receives', { faults: { dmaErrorRate: 0.05 } });
    report('5% DMA errors, server receives', recv);
    expectExactDelivery(recv);
    expect(send.w.server.offload.dmaErrors).toBeGreaterThan(0);
    expect(recv.w.server.offload.dmaErrors).toBeGreaterThan(0);
  });

  it('with the transmit pool dry a non-blocking send returns EAGAIN and a blocking send waits for buffers', () => {
    const w = offloadWorld({ server: { txPool: { buffers: 2 } } });
    const world = { client: w.server.api, server: w.peer, clientAddr: SERVER_ADDR, serverAddr: PEER_ADDR, deadAddr: DEAD_ADDR, run: w.run };
    const [c] = connectPair(world);
    const api = w.server.api;
    api.setsockopt(c, 'O_NONBLOCK', true);
    const data = new Uint8Array(100_000);
    const first = api.send(c, data) as number;
    const second = api.send(c, data);
    const dry = w.server.counters().poolExhausted;
    api.setsockopt(c, 'O_NONBLOCK', false);
    const blocking = new Outcome<number>();
    const pending = blocking.from(api.send(c, data, blocking.cont));
    w.run(50e6);
    console.log(`2-buffer transmit pool: non-blocking send took ${first} B then ${isSysError(second) ? (second as SysError).errno : second}; ` +
      `blocking send pending=${pending}, completed with ${String(blocking.value)}; poolExhausted=${dry}`);
    expect(first).toBe(2 * 4096);
    expect(isSysError(second) && second.errno).toBe('EAGAIN');
    expect(dry).toBeGreaterThan(0);
    expect(pending).toBe(true);
    expect(blocking.value).toBe(data.length);
  });
});
