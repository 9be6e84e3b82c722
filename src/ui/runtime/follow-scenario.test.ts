import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { WorldSpec } from '../../worker';
import { followScenario } from './follow-scenario';

const flush = () => new Promise<void>((r) => queueMicrotask(r));

function setup() {
  const store = createStore(() => ({ scenario: { seed: 1, configurations: ['native', 'offload'] } as { seed: number; configurations: string[] }, scenarioVersion: 0, showStateless: false }));
  let spec: WorldSpec | null = { kind: 'scenario', seed: 1, scenario: store.getState().scenario, configurations: ['native', 'offload'] };
  let restarts = 0;
  const restart = () => {
    restarts += 1;
    const s = store.getState();
    spec = { kind: 'scenario', seed: 1, scenario: s.scenario, configurations: s.showStateless ? ['native', 'stateless', 'offload'] : ['native', 'offload'] };
  };
  followScenario(store, { get currentSpec() { return spec; } }, restart);
  return { store, restart, restarts: () => restarts };
}

describe('followScenario', () => {
  it('rebuilds the model when the scenario changes or the stateless column is asked for', async () => {
    const t = setup();
    t.store.setState({ scenario: { seed: 2, configurations: ['native', 'offload'] }, scenarioVersion: 1 });
    await flush();
    expect(t.restarts()).toBe(1);
    t.store.setState({ scenario: { seed: 2, configurations: ['native', 'stateless', 'offload'] }, scenarioVersion: 2 });
    expect(t.store.getState().showStateless).toBe(true);
    await flush();
    expect(t.restarts()).toBe(2);
  });

  it('does not restart a model that the change already restarted, nor on unrelated changes', async () => {
    const t = setup();
    t.store.setState({ scenario: { seed: 3, configurations: ['native', 'offload'] }, scenarioVersion: 1 });
    t.restart(); // a lesson step starts its own scenario in the same turn
    await flush();
    expect(t.restarts()).toBe(1);
    t.store.setState({ scenarioVersion: 1 });
    await flush();
    expect(t.restarts()).toBe(1);
  });
});
