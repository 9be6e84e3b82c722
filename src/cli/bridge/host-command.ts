// Running host commands (ip, tc, sysctl) synchronously, as typed results.
//
// Contract: `runHost` never throws. A command that cannot start, exits non-zero
// or runs past its timeout comes back as `{ ok: false, message }` naming the
// command line and its stderr, so that callers can report exactly what failed.
// Only the namespace set-up and tear-down use this; they are short and rare, so
// blocking the event loop for a few milliseconds is acceptable there.
import { spawnSync } from 'node:child_process';

export type HostResult =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly message: string };

export function runHost(cmd: string, args: readonly string[], timeoutMs = 5000): HostResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = [cmd, ...args].join(' ');
  if (r.error) return { ok: false, message: `${line}: ${r.error.message}` };
  if (r.status !== 0) {
    const why = r.signal ? `killed by ${r.signal}` : `exit ${String(r.status)}`;
    return { ok: false, message: `${line}: ${why}: ${r.stderr.trim()}` };
  }
  return { ok: true, stdout: r.stdout };
}

/** True when `name` resolves to an executable on PATH (through `sh -c command -v`). */
export function commandExists(name: string): boolean {
  const r = spawnSync('/bin/sh', ['-c', `command -v ${name}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 && r.stdout.trim().length > 0;
}
