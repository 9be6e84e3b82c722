// A network namespace holding the Linux kernel's side of a bridge: a TUN device
// carried to userspace by socat, one IP packet per UDP datagram on loopback.
//
// Layout (all of it inside the namespace and the root namespace's loopback):
//
//   namespace offlab-<pid>-<n>                 root namespace
//   kernel TCP/IP ── tun olt<pid>n<n> ══fd══ socat ── UDP 127.0.0.1 ── the lab's stack
//   10.77.0.1/24, no default route
//
// socat runs in the root namespace and creates the TUN there (down, unaddressed,
// so it carries nothing yet); the device is then moved into the namespace, where
// it gets IPv6 disabled (no router solicitations), its address and its MTU, and
// is brought up. socat's file descriptor keeps working across the move. The
// namespace has no route but its /24, so the kernel there can reach nothing but
// the lab's stack; the root namespace only sees loopback datagrams.
//
// Contract: `openNamespace` returns a handle or an error string, never throws,
// and on failure has already undone whatever it had set up. `close` ends every
// process it started (by pid) and deletes the namespace; `closeSync` does the
// same from an `exit` handler. Both are idempotent.
import { existsSync } from 'node:fs';
import type { StdioOptions } from 'node:child_process';
import { runHost } from './host-command';
import type { HostResult } from './host-command';
import { ProcessSet } from './processes';
import type { Child } from './processes';

export interface NamespaceOptions {
  /** The UDP port on 127.0.0.1 where the userspace side already listens. */
  readonly userPort: number;
  /** The UDP port socat binds on 127.0.0.1 (the userspace side sends to it). */
  readonly socatPort: number;
  /** The kernel's address inside the namespace, dotted, with its prefix length. */
  readonly kernelAddr?: string;
  readonly prefixLength?: number;
  readonly mtu?: number;
}

export const DEFAULT_KERNEL_ADDR = '10.77.0.1';
export const DEFAULT_LAB_ADDR = '10.77.0.2';
export const DEFAULT_PREFIX_LENGTH = 24;
export const DEFAULT_MTU = 1500;

let opened = 0;

export class Namespace {
  private closed = false;

  private constructor(
    readonly name: string,
    readonly tunName: string,
    readonly kernelAddr: string,
    private readonly procs: ProcessSet,
    private readonly socat: Child,
  ) {}

  /** Creates the namespace, starts socat, moves and configures the TUN. */
  static async open(opts: NamespaceOptions): Promise<Namespace | string> {
    opened += 1;
    const name = `offlab-${process.pid}-${opened}`;
    const tunName = `olt${process.pid}n${opened}`.slice(0, 15);
    const kernelAddr = opts.kernelAddr ?? DEFAULT_KERNEL_ADDR;
    const prefix = opts.prefixLength ?? DEFAULT_PREFIX_LENGTH;
    const mtu = opts.mtu ?? DEFAULT_MTU;
    const procs = new ProcessSet();

    const made = runHost('ip', ['netns', 'add', name]);
    if (!made.ok) return made.message;
    const fail = async (message: string): Promise<string> => {
      await procs.stopAll();
      runHost('ip', ['netns', 'del', name]);
      return message;
    };

    // Userspace side first (the caller bound userPort), then socat (TOOLCHAIN.md).
    const socat = procs.start('socat', [
      '-b', '65536',
      `TUN,tun-name=${tunName},tun-type=tun,iff-no-pi`,
      `UDP:127.0.0.1:${opts.userPort},bind=127.0.0.1:${opts.socatPort}`,
    ]);
    if (typeof socat === 'string') return fail(socat);
    const appeared = await waitFor(() => existsSync(`/sys/class/net/${tunName}`) || socat.hasExited(), 3000);
    if (!appeared || socat.hasExited()) {
      return fail(`socat did not create ${tunName}: ${socat.stderr().trim() || 'timed out'}`);
    }
    const steps: (() => HostResult)[] = [
      () => runHost('ip', ['link', 'set', tunName, 'netns', name]),
      () => nsRun(name, ['sysctl', '-qw', `net.ipv6.conf.${tunName}.disable_ipv6=1`]),
      () => nsRun(name, ['ip', 'addr', 'add', `${kernelAddr}/${prefix}`, 'dev', tunName]),
      () => nsRun(name, ['ip', 'link', 'set', tunName, 'mtu', String(mtu), 'up']),
      () => nsRun(name, ['ip', 'link', 'set', 'lo', 'up']),
    ];
    for (const step of steps) {
      const r = step();
      if (!r.ok) return fail(r.message);
    }
    return new Namespace(name, tunName, kernelAddr, procs, socat);
  }

  /** Runs a short command inside the namespace and waits for it. */
  run(args: readonly string[], timeoutMs = 5000): HostResult {
    return nsRun(this.name, args, timeoutMs);
  }

  /** Starts a long-running command inside the namespace; it is ended by `close`. */
  start(args: readonly string[], stdio?: StdioOptions): Child | string {
    // `ip netns exec` enters the namespace and execs the command: the pid is the command's.
    return this.procs.start('ip', ['netns', 'exec', this.name, ...args], stdio ? { stdio } : {});
  }

  /** Ends one process started here, by pid. */
  stop(child: Child): Promise<void> {
    return this.procs.stop(child);
  }

  /** Whether a TCP listener on `port` exists inside the namespace (ss, from iproute2). */
  isListening(port: number): boolean {
    const r = this.run(['ss', '-Hltn', `sport = :${port}`]);
    return r.ok && r.stdout.trim().length > 0;
  }

  /** Whether socat (the TUN's only reader and writer) is still running. */
  get alive(): boolean {
    return !this.closed && !this.socat.hasExited();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.procs.stopAll();
    runHost('ip', ['netns', 'del', this.name]);
  }

  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    this.procs.stopAllSync();
    runHost('ip', ['netns', 'del', this.name]);
  }
}

function nsRun(ns: string, args: readonly string[], timeoutMs = 5000): HostResult {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return { ok: false, message: 'empty command' };
  return runHost('ip', ['netns', 'exec', ns, cmd, ...rest], timeoutMs);
}

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const t0 = process.hrtime.bigint();
  const limit = BigInt(timeoutMs) * 1_000_000n;
  while (!cond()) {
    if (process.hrtime.bigint() - t0 > limit) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/**
 * Deletes namespaces left by an earlier bridge process that died without cleaning
 * up (named offlab-<pid>-<n> with no process <pid> alive). Returns their names.
 */
export function sweepStaleNamespaces(): string[] {
  const list = runHost('ip', ['netns', 'list']);
  if (!list.ok) return [];
  const swept: string[] = [];
  for (const line of list.stdout.split('\n')) {
    const m = /^(offlab-(\d+)-\d+)\b/.exec(line.trim());
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    if (isAlive(Number(m[2]))) continue;
    if (runHost('ip', ['netns', 'del', m[1]]).ok) swept.push(m[1]);
  }
  return swept;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
