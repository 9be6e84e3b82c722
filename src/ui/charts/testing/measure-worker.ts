// Test support for the measure worker: its host (measure-host.ts) in process,
// answering asynchronously and through structured clone as a real Worker does, and
// a wait for a condition the client reaches through those replies. Tests only.
import type { MeasureWorkerLike } from '../measure-client';
import { MeasureHost, type MeasureRequest } from '../measure-host';

/** The measure worker's host in process (a fresh host per call, as a new Worker). */
export function inProcessMeasureWorker(): MeasureWorkerLike {
  const host = new MeasureHost();
  let on: ((e: { data: never }) => void) | null = null;
  return {
    postMessage(m: unknown) {
      const reply = host.handle(structuredClone(m) as MeasureRequest);
      if (reply) setTimeout(() => on?.({ data: structuredClone(reply) as never }), 0);
    },
    terminate() { on = null; },
    addEventListener(type: string, l: unknown) { if (type === 'message') on = l as typeof on; },
  } as MeasureWorkerLike;
}

/** Resolves once `cond` holds, polling every 5 ms; rejects after `ms` (a hung client, not a slow one). */
export async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
