// The user's commands (run, pause, step, reset, restart, apply a seed), declarative and
// callable from anywhere: buttons, keyboard shortcuts and the test API all come here.
// They act on the runtime bound by main.tsx (or by a test).
import type { CrashMode, WorldSpec } from '../../worker';
import type { LabRuntime } from '../runtime/lab-runtime';
import { setSeedError, setSeedText } from './actions';
import { parseSeed } from './seed';
import { labStore } from './store';

let runtime: LabRuntime | null = null;

export function bindRuntime(rt: LabRuntime | null): void {
  runtime = rt;
}

/** The runtime bound by main.tsx (null in tests that bind none): for commands kept beside their views. */
export function boundRuntime(): LabRuntime | null {
  return runtime;
}

/** The world the shell runs for now: the kernel's seeded demo workload. */
export function demoSpec(seed: number): WorldSpec {
  return { kind: 'demo', seed };
}

export function startLab(seed: number): void {
  setSeedText(String(seed));
  runtime?.client.start(demoSpec(seed));
}

export function run(): void {
  runtime?.client.run();
}

export function pause(): void {
  runtime?.client.pause();
}

export function toggleRun(): void {
  if (labStore.getState().status === 'running') pause();
  else run();
}

export function step(count = 1): void {
  runtime?.client.step(count);
}

/** Back to time zero with the world's current seed. */
export function reset(): void {
  runtime?.client.reset();
}

/** A new worker after a failure, with the last world's spec. */
export function restart(): void {
  runtime?.client.restart();
}

/** Uses the seed field: a fresh world with that seed, or the field's error shown. */
export function applySeed(): boolean {
  const parsed = parseSeed(labStore.getState().seedText);
  if (!parsed.ok) {
    setSeedError(parsed.error);
    return false;
  }
  setSeedError(null);
  runtime?.client.reset(demoSpec(parsed.seed));
  return true;
}

export function crashWorker(mode: CrashMode = 'uncaught'): void {
  runtime?.client.crash(mode);
}
