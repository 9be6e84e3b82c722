// The thin worker entry, loaded with a stubbed `self`: it must bind the session to the
// scope's 'message' and 'messageerror' events and post replies through the scope.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker } from './protocol';

type Listener = (event: { data?: unknown }) => void;

function fakeScope() {
  const listeners = new Map<string, Listener>();
  const posted: FromWorker[] = [];
  return {
    posted,
    scope: {
      postMessage: (m: FromWorker) => { posted.push(m); },
      addEventListener: (type: string, l: Listener) => { listeners.set(type, l); },
    },
    dispatch: (type: string, data?: unknown) => listeners.get(type)?.({ data }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('sim.worker.ts', () => {
  it('answers create and run messages posted to its global scope', async () => {
    const f = fakeScope();
    vi.stubGlobal('self', f.scope);
    await import('./sim.worker');
    f.dispatch('message', { v: PROTOCOL_VERSION, type: 'create', epoch: 1, spec: { kind: 'demo', seed: 3 } });
    f.dispatch('message', { v: PROTOCOL_VERSION, type: 'run', epoch: 1, seq: 1, budget: { maxEvents: 200 } });
    expect(f.posted.map((m) => m.type)).toEqual(['ready', 'slice']);
    expect(f.posted[1]).toMatchObject({ events: 200, figures: { eventsProcessed: 200 } });
  });

  it('answers a message it could not deserialize with a transport failure', async () => {
    const f = fakeScope();
    vi.stubGlobal('self', f.scope);
    await import('./sim.worker');
    f.dispatch('messageerror');
    expect(f.posted[0]).toMatchObject({ type: 'error', failure: { kind: 'transport' } });
  });

  it('lets a requested uncaught crash escape to the scope', async () => {
    const f = fakeScope();
    vi.stubGlobal('self', f.scope);
    await import('./sim.worker');
    expect(() => f.dispatch('message', { v: PROTOCOL_VERSION, type: 'crash', epoch: 0, mode: 'uncaught' })).toThrow(/test hook/);
  });
});
