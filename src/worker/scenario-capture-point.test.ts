import { describe, expect, it } from 'vitest';
import { createScenarioLabWorld, ScenarioLabWorld } from './scenario-world';
import { worldSpecSchema } from './protocol';
import type { ScenarioSpec } from './scenario-source';
import type { StreamFrame } from './stream';

function framesAt(capturePoint: ScenarioSpec['capturePoint']): StreamFrame[] {
  const spec: ScenarioSpec = { kind: 'scenario', seed: 7, preset: '2002-gigabit', configurations: ['native'], ...(capturePoint ? { capturePoint } : {}) };
  const w = createScenarioLabWorld(spec);
  if (!(w instanceof ScenarioLabWorld)) throw new Error(JSON.stringify(w));
  w.runFor({ maxEvents: 4000 });
  return w.drain(true).worlds.flatMap((x) => x.frames);
}

const server = (f: StreamFrame) => f.source === 'server->peer' || f.source === 'peer->server';

describe('a scenario world capturing at a chosen point', () => {
  it('at the IP point streams raw IPv4 datagrams (version 4, IHL 5: first byte 0x45) marked ip', () => {
    const frames = framesAt('ip').filter(server);
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) {
      expect(f.point).toBe('ip');
      expect(f.bytes[0]).toBe(0x45);
    }
  });

  it('without a point captures Ethernet frames at the wire, marked wire', () => {
    const frames = framesAt(undefined).filter(server);
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) {
      expect(f.point).toBe('wire');
      // EtherType at bytes 12..13: IPv4 0x0800 or ARP 0x0806.
      expect(f.bytes[12]).toBe(0x08);
    }
  });

  it('at the socket point streams one record per call, each named by a comment', () => {
    const frames = framesAt('socket').filter(server);
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) {
      expect(f.point).toBe('socket');
      expect(f.comment).toMatch(/\S/);
    }
  });

  it('the protocol refuses a capture point that is not one of the four', () => {
    const bad = worldSpecSchema.safeParse({ kind: 'scenario', seed: 1, configurations: ['native'], capturePoint: 'phy' });
    expect(bad.success).toBe(false);
    const good = worldSpecSchema.safeParse({ kind: 'scenario', seed: 1, configurations: ['native'], capturePoint: 'driver' });
    expect(good.success).toBe(true);
  });
});
