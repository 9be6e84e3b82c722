// The sequence view's arithmetic (issue 5 item 4): lanes per configuration (one per
// layer, in DESIGN.md 1.2 order) and the ladder of trace records in a time window, as
// arrows from lane to lane. Pure, testable without a DOM.
//
// Contract: `ladderItems(buffer, lanes, t0, t1, max)` returns the records with
// t0 <= time <= t1 whose both ends are lanes of the configuration, newest `max` of them,
// oldest first, each with its record index in the buffer (stable while the buffer is not
// cleared) so a selection can find it again.
import { LAYERS } from '../../../sim';
import type { TraceBuffer } from '../feed/trace-buffer';

export const LANES: Readonly<Record<string, readonly string[]>> = {
  native: ['app', 'syscall', 'socket', 'inet', 'tcp', 'udp', 'ip', 'netdev', 'pci', 'nic', 'wire', 'peer'],
  stateless: ['app', 'syscall', 'socket', 'inet', 'tcp', 'udp', 'ip', 'netdev', 'pci', 'nic', 'wire', 'peer'],
  offload: ['app', 'syscall', 'socket', 'osm', 'i2o', 'pci', 'irtos', 'ism', 'tcp', 'ip', 'hdm', 'nic', 'wire', 'peer'],
};

export function lanesFor(configuration: string): readonly string[] {
  return LANES[configuration] ?? LANES.native!;
}

export interface LadderItem {
  readonly k: number;
  readonly time: number;
  readonly span: number;
  readonly fromLane: number;
  readonly toLane: number;
  readonly kind: number;
  readonly bytes: number;
}

export function ladderItems(buf: TraceBuffer, lanes: readonly string[], t0: number, t1: number, max = 400): LadderItem[] {
  const laneOf = new Int16Array(LAYERS.length).fill(-1);
  lanes.forEach((l, i) => {
    const id = LAYERS.indexOf(l as (typeof LAYERS)[number]);
    if (id >= 0) laneOf[id] = i;
  });
  const out: LadderItem[] = [];
  for (let k = buf.size - 1; k >= 0 && out.length < max; k--) {
    const i = buf.indexOf(k);
    const t = buf.time[i]!;
    if (t > t1) continue;
    if (t < t0) break;
    const a = laneOf[buf.from[i]!] ?? -1;
    const b = laneOf[buf.to[i]!] ?? -1;
    if (a < 0 || b < 0) continue;
    out.push({ k: buf.written - buf.size + k, time: t, span: buf.span[i]!, fromLane: a, toLane: b, kind: buf.kind[i]!, bytes: buf.bytes[i]! });
  }
  return out.reverse();
}

/** The zoom levels: the time window shown, in ns. */
export const ZOOMS: readonly number[] = [2_000, 10_000, 50_000, 200_000, 1_000_000, 5_000_000, 20_000_000];
