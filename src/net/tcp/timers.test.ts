import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { Timers } from './timers';

const at = (n: number) => n as Nanos;

describe('Timers', () => {
  it('next() is the earliest deadline, Infinity when idle', () => {
    const t = new Timers();
    expect(t.next()).toBe(Infinity);
    t.armRetransmit(at(100), 50);
    t.armDelayedAck(at(100), 40);
    expect(t.next()).toBe(140);
    t.stopDelayedAck();
    expect(t.next()).toBe(150);
  });

  it('ensureRetransmit does not push back a running timer (RFC 6298 5.1)', () => {
    const t = new Timers();
    t.armRetransmit(at(0), 100);
    t.ensureRetransmit(at(50), 100);
    expect(t.rtx).toEqual({ kind: 'retransmit', at: 100 });
  });

  it('the delayed-ACK deadline counts from the first unacknowledged segment', () => {
    const t = new Timers();
    t.armDelayedAck(at(10), 40);
    t.armDelayedAck(at(30), 40);
    expect(t.delayedAckAt).toBe(50);
  });

  it('the persist interval doubles with each probe and is capped', () => {
    const t = new Timers();
    t.armPersist(at(0), 200, 1000);
    expect(t.rtx).toEqual({ kind: 'persist', at: 200 });
    t.persistBackoff = 2;
    t.armPersist(at(0), 200, 1000);
    expect(t.rtx.at).toBe(800);
    t.persistBackoff = 5;
    t.armPersist(at(0), 200, 1000);
    expect(t.rtx.at).toBe(1000);
  });
});
