import { describe, expect, it } from 'vitest';
import { twoHosts, ADDR_A } from '../../net/stack/testing/world';
import { SERVER_ADDR, offloadWorld } from '../offload/testing/world';
import { WorkloadStats } from './context';
import { connectTcp, serveTcp } from './sockets';

const MS = 1_000_000;

describe('serveTcp', () => {
  it('on the offload machine the set-up ends only once bind and listen have come back from the card, then clients are accepted', () => {
    const w = offloadWorld();
    const stats = new WorkloadStats();
    const accepted: number[] = [];
    let setUpAt = -1;
    serveTcp(w.server.api, SERVER_ADDR, 80, 4, stats, (fd) => accepted.push(fd), false, () => {
      setUpAt = w.sim.now;
      connectTcp(w.peer, { addr: SERVER_ADDR, port: 80 }, stats, () => undefined);
    });
    // The calling thread sleeps for two replies: nothing is settled at the call.
    expect(setUpAt).toBe(-1);
    w.run(20 * MS);
    expect(setUpAt).toBeGreaterThan(0);
    expect(stats.errors).toBe(0);
    expect(stats.connections).toBe(1);
    expect(accepted).toHaveLength(1);
  });

  it('on the native stack the server listens when serveTcp returns', () => {
    const w = twoHosts({ staticArp: true });
    const stats = new WorkloadStats();
    const accepted: number[] = [];
    let setUp = false;
    serveTcp(w.a, ADDR_A, 80, 4, stats, (fd) => accepted.push(fd), false, () => {
      setUp = true;
    });
    expect(setUp).toBe(true);
    connectTcp(w.b, { addr: ADDR_A, port: 80 }, stats, () => undefined);
    w.runFor(20 * MS);
    expect(stats.errors).toBe(0);
    expect(accepted).toHaveLength(1);
  });

  it('a bind the card refuses is counted with its errno and still ends the set-up', () => {
    const w = offloadWorld();
    const stats = new WorkloadStats();
    let setUps = 0;
    serveTcp(w.server.api, SERVER_ADDR, 80, 4, stats, () => undefined, false, () => {
      setUps += 1;
    });
    w.run(MS);
    serveTcp(w.server.api, SERVER_ADDR, 80, 4, stats, () => undefined, false, () => {
      setUps += 1;
    });
    w.run(MS);
    expect(setUps).toBe(2);
    expect(stats.errors).toBe(1);
    expect(stats.lastError).toBe('bind: EADDRINUSE');
  });
});
