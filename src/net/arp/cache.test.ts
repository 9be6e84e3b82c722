import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim';
import { ArpCache } from './cache';

const IP = 0x0a000002;
const MAC = 0x020000000002;

describe('ArpCache', () => {
  it('keeps using an entry past its reachable time while it refreshes it, as Linux does with stale entries', () => {
    const c = new ArpCache({ reachableTime: 1000 as Nanos, retransTime: 100 as Nanos, maxProbes: 3 });
    c.learn(IP, MAC, 0);
    expect(c.lookup(IP, 999)).toBe(MAC);
    expect(c.refreshNeeded).toEqual([]);
    // Stale: still used, and one refresh request is asked for.
    expect(c.lookup(IP, 1000)).toBe(MAC);
    expect(c.lookup(IP, 1001)).toBe(MAC);
    expect(c.refreshNeeded).toEqual([{ ip: IP, mac: MAC }]);
    // A reply makes it reachable again.
    c.learn(IP, MAC, 1050);
    c.refreshNeeded.length = 0;
    expect(c.lookup(IP, 2000)).toBe(MAC);
    expect(c.nextTimer()).toBe(Infinity);
  });

  it('removes a stale entry whose refresh requests go unanswered', () => {
    const c = new ArpCache({ reachableTime: 1000 as Nanos, retransTime: 100 as Nanos, maxProbes: 3 });
    c.learn(IP, MAC, 0);
    c.lookup(IP, 1000);
    const refreshed: number[] = [];
    for (const t of [1100, 1200, 1300]) c.onTimer(t, () => undefined, () => refreshed.push(t));
    expect(refreshed).toEqual([1100, 1200]);
    expect(c.lookup(IP, 1301)).toBeUndefined();
    expect(c.counters.expired).toBe(1);
    expect(c.counters.requestsSent).toBe(3);
  });

  it('keeps static entries forever, even when a reply says otherwise', () => {
    const c = new ArpCache();
    c.addStatic(IP, MAC);
    c.learn(IP, 0x999, 0);
    expect(c.lookup(IP, 1e15)).toBe(MAC);
  });

  it('asks for a request on the first queued packet only and hands the packets back when resolved', () => {
    const c = new ArpCache();
    expect(c.enqueue(IP, new Uint8Array(100), 0)).toBe(true);
    expect(c.enqueue(IP, new Uint8Array(200), 0)).toBe(false);
    const frames = c.learn(IP, MAC, 10);
    expect(frames.map((f) => f.length)).toEqual([100, 200]);
    expect(c.unresolved).toBe(0);
    expect(c.lookup(IP, 11)).toBe(MAC);
  });

  it('bounds the bytes waiting per address by dropping the oldest packets', () => {
    const c = new ArpCache({ queueBytes: 1000 });
    for (let i = 0; i < 5; i++) c.enqueue(IP, new Uint8Array(300).fill(i), 0);
    const frames = c.learn(IP, MAC, 1);
    expect(frames.map((f) => f[0])).toEqual([2, 3, 4]);
    expect(c.counters.queueDrops).toBe(2);
  });

  it('retransmits the request every retrans time and gives up after the last probe', () => {
    const c = new ArpCache({ retransTime: 100 as Nanos, maxProbes: 3 });
    c.enqueue(IP, new Uint8Array(60), 0);
    const asked: number[] = [];
    const tick = (t: number) => c.onTimer(t, () => asked.push(t));
    expect(c.nextTimer()).toBe(100);
    tick(50);
    tick(100);
    tick(200);
    expect(asked).toEqual([100, 200]);
    tick(300);
    expect(c.unresolved).toBe(0);
    expect(c.counters.failed).toBe(1);
    expect(c.counters.unresolvedDrops).toBe(1);
    expect(c.counters.requestsSent).toBe(3);
    expect(c.nextTimer()).toBe(Infinity);
  });
});
