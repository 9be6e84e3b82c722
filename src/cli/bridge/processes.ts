// The child processes a bridge started, tracked by pid so that every one of them
// is ended by its own pid (never by name), whatever way the run ends.
//
// Contract: `start` returns a handle or an error string, never throws. `stopAll`
// sends SIGTERM to each live child, waits up to `graceMs` for it to exit, then
// SIGKILLs what is left and waits for that too. `stopAllSync` is for a process
// `exit` handler, where nothing asynchronous can run: it SIGKILLs every child
// still alive. Where util-linux's setpriv exists, each child is started under
// `setpriv --pdeathsig KILL` (which execs it, so the pid is the child's own):
// should this process die without cleaning up (SIGKILL, a crashed test
// worker), the kernel ends the children too.
import { spawn } from 'node:child_process';
import { commandExists } from './host-command';
import type { ChildProcess, StdioOptions } from 'node:child_process';

export interface Child {
  readonly pid: number;
  readonly label: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (null when ended by a signal) once the child has exited. */
  readonly exited: Promise<number | null>;
  /** Everything the child wrote to stderr so far (when stderr was piped), capped at 64 KiB. */
  stderr(): string;
  hasExited(): boolean;
}

export interface StartOptions {
  readonly stdio?: StdioOptions;
}

const STDERR_CAP = 64 * 1024;

let setprivAvailable: boolean | null = null;

function withDeathSignal(cmd: string, args: readonly string[]): [string, string[]] {
  setprivAvailable ??= commandExists('setpriv');
  return setprivAvailable ? ['setpriv', ['--pdeathsig', 'KILL', cmd, ...args]] : [cmd, [...args]];
}

export class ProcessSet {
  private readonly children = new Set<Child>();

  start(cmd: string, args: readonly string[], opts: StartOptions = {}): Child | string {
    let proc: ChildProcess;
    try {
      const [file, argv] = withDeathSignal(cmd, args);
      proc = spawn(file, argv, { stdio: opts.stdio ?? ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      return `${cmd}: ${(e as Error).message}`;
    }
    let err = '';
    let done = false;
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (s: string) => {
      if (err.length < STDERR_CAP) err += s;
    });
    const exited = new Promise<number | null>((resolve) => {
      proc.on('error', () => { done = true; resolve(null); });
      proc.on('exit', (code) => { done = true; resolve(code); });
    });
    if (proc.pid === undefined) return `${cmd}: could not be started`;
    const child: Child = {
      pid: proc.pid,
      label: [cmd, ...args].join(' '),
      process: proc,
      exited,
      stderr: () => err,
      hasExited: () => done,
    };
    this.children.add(child);
    void exited.then(() => this.children.delete(child));
    return child;
  }

  get live(): readonly Child[] {
    return [...this.children];
  }

  /** Ends one child by pid: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(child: Child, graceMs = 1000): Promise<void> {
    if (child.hasExited()) return;
    signal(child.pid, 'SIGTERM');
    const timedOut = await Promise.race([
      child.exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
    ]);
    if (timedOut && !child.hasExited()) {
      signal(child.pid, 'SIGKILL');
      await child.exited;
    }
  }

  async stopAll(graceMs = 1000): Promise<void> {
    await Promise.all(this.live.map((c) => this.stop(c, graceMs)));
  }

  stopAllSync(): void {
    for (const c of this.live) if (!c.hasExited()) signal(c.pid, 'SIGKILL');
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // ESRCH: it exited between our check and the signal; nothing left to end.
  }
}
