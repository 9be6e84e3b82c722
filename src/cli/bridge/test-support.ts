// Helpers shared by the bridge's tests: the skip decision, waiting for a
// condition with a bound, and checking that a namespace is gone.
import { missingRequirements, describeMissing } from './preflight';
import { runHost } from './host-command';

/** Null when the interop tests can run here, else the message naming what is missing. */
export function interopSkipReason(): string | null {
  const missing = missingRequirements(true);
  return missing.length === 0 ? null : `Linux interop tests skipped: ${describeMissing(missing)}`;
}

/** Polls `cond` every `everyMs` until it holds or `timeoutMs` passes; resolves with whether it held. */
export async function eventually(cond: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const t0 = process.hrtime.bigint();
  const limit = BigInt(timeoutMs) * 1_000_000n;
  while (!cond()) {
    if (process.hrtime.bigint() - t0 > limit) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return true;
}

export function namespaceExists(name: string): boolean {
  const r = runHost('ip', ['netns', 'list']);
  return r.ok && r.stdout.split('\n').some((l) => l.split(' ')[0] === name);
}
