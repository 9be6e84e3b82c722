// What the machine must offer before a bridge to the Linux kernel can run, and
// a message naming exactly what is missing (tests skip with it; the CLI prints it).
//
// Needed: root (namespaces and TUN need CAP_NET_ADMIN and CAP_SYS_ADMIN), the
// TUN character device, `ip`, `tc` and `ss` (iproute2), `sysctl` (procps), `socat`
// and, for the interop tests, `curl` and OpenBSD `nc` (netcat-openbsd, whose
// `nc -N` closes after EOF). Finally `ip netns add` itself is tried, because a
// container may be root yet forbid new namespaces.
import { accessSync, constants } from 'node:fs';
import { commandExists, runHost } from './host-command';

export interface Requirement {
  readonly what: string;
  /** How to get it, e.g. "apt-get install socat". */
  readonly fix: string;
}

const TOOLS: readonly { cmd: string; pkg: string }[] = [
  { cmd: 'ip', pkg: 'iproute2' },
  { cmd: 'tc', pkg: 'iproute2' },
  { cmd: 'ss', pkg: 'iproute2' },
  { cmd: 'sysctl', pkg: 'procps' },
  { cmd: 'socat', pkg: 'socat' },
];

const TEST_TOOLS: readonly { cmd: string; pkg: string }[] = [
  { cmd: 'curl', pkg: 'curl' },
  { cmd: 'nc', pkg: 'netcat-openbsd' },
];

/** Everything missing for the bridge (and, with `forTests`, for the interop tests). */
export function missingRequirements(forTests: boolean): Requirement[] {
  const missing: Requirement[] = [];
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    missing.push({ what: 'root', fix: 'run as root (network namespaces and TUN need CAP_NET_ADMIN)' });
  }
  try {
    accessSync('/dev/net/tun', constants.R_OK | constants.W_OK);
  } catch {
    missing.push({ what: '/dev/net/tun', fix: 'load the tun module (modprobe tun) or expose /dev/net/tun to the container' });
  }
  for (const t of forTests ? [...TOOLS, ...TEST_TOOLS] : TOOLS) {
    if (!commandExists(t.cmd)) missing.push({ what: `${t.cmd} not found`, fix: `apt-get install ${t.pkg}` });
  }
  if (forTests && commandExists('nc') && !isOpenBsdNetcat()) {
    missing.push({ what: 'nc is not OpenBSD netcat', fix: 'apt-get install netcat-openbsd' });
  }
  if (missing.length === 0 && !canCreateNamespace()) {
    missing.push({ what: 'ip netns add is refused', fix: 'run with CAP_SYS_ADMIN (a privileged container)' });
  }
  return missing;
}

export function describeMissing(missing: readonly Requirement[]): string {
  return missing.map((m) => `${m.what}: ${m.fix}`).join('; ');
}

function isOpenBsdNetcat(): boolean {
  // OpenBSD netcat prints its usage (with its name) on -h and exits 1.
  const r = runHost('sh', ['-c', 'nc -h 2>&1 || true']);
  return r.ok && r.stdout.includes('OpenBSD netcat');
}

function canCreateNamespace(): boolean {
  const probe = `offlab-probe-${process.pid}`;
  const made = runHost('ip', ['netns', 'add', probe]);
  if (!made.ok) return false;
  runHost('ip', ['netns', 'del', probe]);
  return true;
}

/**
 * Null when this kernel has the netem qdisc, else why not. Probed in a throw-away
 * namespace, because some kernels are built without CONFIG_NET_SCH_NETEM (tc
 * then says "Specified qdisc kind is unknown").
 */
export function netemUnavailable(): string | null {
  const probe = `offlab-probe-${process.pid}`;
  const made = runHost('ip', ['netns', 'add', probe]);
  if (!made.ok) return made.message;
  const r = runHost('ip', ['netns', 'exec', probe, 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms']);
  runHost('ip', ['netns', 'del', probe]);
  return r.ok ? null : `the kernel has no netem qdisc (CONFIG_NET_SCH_NETEM): ${r.message}`;
}
