import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROTOCOL_VERSION, isProtocolError, parseFromWorker, parseToWorker, parseWorldSpec } from './protocol';

const figures = { nowNanos: 0, eventsProcessed: 0, pending: 1, nextEventNanos: 5, processors: [] };

describe('worker protocol', () => {
  it('accepts each request type of the current version', () => {
    const msgs = [
      { v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec: { kind: 'demo', seed: 7 } },
      { v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 2, budget: { maxEvents: 100 } },
      { v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 3, budget: { maxEvents: 100, untilNanos: 5000 } },
      { v: PROTOCOL_VERSION, type: 'step', epoch: 1, seq: 4, unit: 'event', count: 1 },
      { v: PROTOCOL_VERSION, type: 'crash', epoch: 1, mode: 'throw' },
    ];
    for (const m of msgs) expect(parseToWorker(m)).toEqual(m);
  });

  it('accepts each reply type of the current version', () => {
    const msgs = [
      { v: PROTOCOL_VERSION, type: 'ready', epoch: 1, spec: { kind: 'demo', seed: 7 }, info: { title: 't', summary: 's', categories: ['tcp'] }, figures },
      { v: PROTOCOL_VERSION, type: 'slice', epoch: 1, seq: 2, events: 10, reason: 'budget', figures },
      { v: PROTOCOL_VERSION, type: 'error', epoch: null, failure: { kind: 'world', message: 'boom' } },
    ];
    for (const m of msgs) expect(parseFromWorker(m)).toEqual(m);
  });

  it('rejects a message of another protocol version with an error naming both versions', () => {
    const r = parseToWorker({ v: 99, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 1 } });
    expect(isProtocolError(r)).toBe(true);
    if (isProtocolError(r)) expect(r.message).toMatch(/version 99 is not 1/);
  });

  it('rejects an unknown message type and names the offending field', () => {
    const r = parseToWorker({ v: PROTOCOL_VERSION, type: 'explode', epoch: 1 });
    expect(isProtocolError(r)).toBe(true);
    if (isProtocolError(r)) expect(r.message).toMatch(/type/);
  });

  it('rejects a budget of zero events and a negative seed', () => {
    expect(isProtocolError(parseToWorker({ v: 1, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 0 } }))).toBe(true);
    const spec = parseWorldSpec({ kind: 'demo', seed: -1 });
    expect(isProtocolError(spec)).toBe(true);
    if (isProtocolError(spec)) expect(spec.message).toMatch(/seed/);
  });

  it('rejects a world kind it does not know', () => {
    expect(isProtocolError(parseWorldSpec({ kind: 'mainframe', seed: 1 }))).toBe(true);
  });

  it('returns a typed error and never throws for arbitrary input in either direction', () => {
    fc.assert(fc.property(fc.anything(), (data) => {
      const a = parseToWorker(data);
      const b = parseFromWorker(data);
      expect(isProtocolError(a)).toBe(true);
      expect(isProtocolError(b)).toBe(true);
    }), { numRuns: 300 });
  });
});
