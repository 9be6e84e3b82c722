// Kernel-side impairment of the TUN in both directions, with tc inside the
// namespace (e.g. netem loss and reordering).
//
// A root qdisc only shapes what a device sends, here the kernel's packets
// towards the lab. The lab's packets arrive on the TUN's ingress, where no
// qdisc can delay or drop; so they are redirected (u32 match-all, mirred) to an
// ifb device in the same namespace, whose root qdisc gets the same parameters.
// Everything stays inside the namespace and goes when it is deleted.
//
// Contract: never throws; returns the first failing command's message.
import type { HostResult } from './host-command';
import type { Namespace } from './namespace';

/** Applies `qdisc` (e.g. ['netem', 'loss', '1%']) to both directions of the namespace's TUN. */
export function impairBothWays(ns: Namespace, qdisc: readonly string[]): HostResult {
  const ifb = ns.tunName.replace(/^olt/, 'olb');
  const steps: (readonly string[])[] = [
    ['ip', 'link', 'add', ifb, 'type', 'ifb'],
    ['ip', 'link', 'set', ifb, 'up'],
    ['tc', 'qdisc', 'replace', 'dev', ns.tunName, 'root', ...qdisc],
    ['tc', 'qdisc', 'add', 'dev', ns.tunName, 'handle', 'ffff:', 'ingress'],
    ['tc', 'filter', 'add', 'dev', ns.tunName, 'parent', 'ffff:', 'protocol', 'ip', 'u32', 'match', 'u32', '0', '0',
      'action', 'mirred', 'egress', 'redirect', 'dev', ifb],
    ['tc', 'qdisc', 'replace', 'dev', ifb, 'root', ...qdisc],
  ];
  let last: HostResult = { ok: true, stdout: '' };
  for (const s of steps) {
    last = ns.run(s);
    if (!last.ok) return last;
  }
  return last;
}

/** Packets the qdiscs of the TUN and its ifb have dropped so far (from `tc -s qdisc`). */
export function qdiscDrops(ns: Namespace): number {
  const r = ns.run(['tc', '-s', 'qdisc', 'show']);
  if (!r.ok) return 0;
  let drops = 0;
  for (const m of r.stdout.matchAll(/dropped (\d+)/g)) drops += Number(m[1]);
  return drops;
}
