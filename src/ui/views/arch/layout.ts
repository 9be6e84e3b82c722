// The architecture view's geometry (DESIGN.md 1.2): one column of layer boxes per
// configuration, in the design's order, the host above the bus and the card below it,
// the wire and the peer at the bottom. Pure arithmetic, testable without a DOM.
//
// Contract: `columnLayout(configuration, width, height)` returns the boxes (one per
// layer the configuration has, plus labelled sub-boxes that are not trace layers: the
// OSM's four subsystems, the ISM's tcp/udp/ip), the y of the host/card boundary and the
// band of the bus. Bottom rows (nic, wire, peer) are placed from the bottom so columns
// of different depth line up where the wire is.
import type { Layer } from '../../../sim';

export type Cpu = 'host' | 'iop' | 'none';

export interface LayerBox {
  readonly layer: Layer;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly cpu: Cpu;
  /** Parts drawn inside the box (not separate trace layers). */
  readonly parts: readonly string[];
}

export interface ColumnLayout {
  readonly configuration: string;
  readonly boxes: readonly LayerBox[];
  /** y of the line between the host and the card (the bus sits on it). */
  readonly boundaryY: number;
  readonly width: number;
  readonly height: number;
}

interface Row {
  layer: Layer;
  label: string;
  cpu: Cpu;
  h: number;
  parts?: string[];
  /** Shares its row with the next entry (tcp | udp). */
  pairWithNext?: boolean;
}

const R = 29;
const GAP = 5;

function rowsFor(configuration: string): { top: Row[]; bottom: Row[] } {
  const common: Row[] = [
    { layer: 'app', label: 'application', cpu: 'host', h: R },
    { layer: 'syscall', label: 'system call', cpu: 'host', h: R },
    { layer: 'socket', label: 'socket (struct socket)', cpu: 'host', h: R },
  ];
  const bottom: Row[] = [
    { layer: 'wire', label: 'wire', cpu: 'none', h: 22 },
    { layer: 'peer', label: 'peer (client)', cpu: 'none', h: R },
  ];
  if (configuration === 'offload') {
    return {
      top: [
        ...common,
        { layer: 'osm', label: 'socket OSM', cpu: 'host', h: 58, parts: ['user if.', 'message if.', 'kernel if.', 'memory mgmt'] },
        { layer: 'i2o', label: 'I2O message + transport layer', cpu: 'host', h: R },
        { layer: 'pci', label: 'PCI bus', cpu: 'none', h: 18 },
        { layer: 'irtos', label: 'IRTOS (on the IOP)', cpu: 'iop', h: R },
        { layer: 'ism', label: 'ISM: TCP/IP on the IOP', cpu: 'iop', h: 52, parts: ['tcp | udp', 'ip'] },
        { layer: 'hdm', label: 'HDM (MAC driver)', cpu: 'iop', h: R },
      ],
      bottom: [{ layer: 'nic', label: 'NIC (MAC/PHY)', cpu: 'none', h: R }, ...bottom],
    };
  }
  return {
    top: [
      ...common,
      { layer: 'inet', label: 'INET (struct sock)', cpu: 'host', h: R },
      { layer: 'tcp', label: 'tcp', cpu: 'host', h: R, pairWithNext: true },
      { layer: 'udp', label: 'udp', cpu: 'host', h: R },
      { layer: 'ip', label: 'ip', cpu: 'host', h: R },
      { layer: 'netdev', label: 'netdev: qdisc + driver', cpu: 'host', h: R },
      { layer: 'pci', label: 'PCI bus', cpu: 'none', h: 18 },
    ],
    bottom: [{ layer: 'nic', label: configuration === 'stateless' ? 'NIC (TSO, LRO, csum)' : 'NIC', cpu: 'none', h: R }, ...bottom],
  };
}

export function columnLayout(configuration: string, width: number, height: number): ColumnLayout {
  const { top, bottom } = rowsFor(configuration);
  const boxes: LayerBox[] = [];
  const pad = 8;
  const w = width - 2 * pad;
  let y = 4;
  for (let i = 0; i < top.length; i++) {
    const r = top[i]!;
    if (r.pairWithNext) {
      const n = top[i + 1]!;
      const half = (w - GAP) / 2;
      boxes.push({ layer: r.layer, label: r.label, x: pad, y, w: half, h: r.h, cpu: r.cpu, parts: r.parts ?? [] });
      boxes.push({ layer: n.layer, label: n.label, x: pad + half + GAP, y, w: half, h: n.h, cpu: n.cpu, parts: n.parts ?? [] });
      y += r.h + GAP;
      i++;
      continue;
    }
    boxes.push({ layer: r.layer, label: r.label, x: pad, y, w, h: r.h, cpu: r.cpu, parts: r.parts ?? [] });
    y += r.h + GAP;
  }
  let yb = height - 4;
  for (let i = bottom.length - 1; i >= 0; i--) {
    const r = bottom[i]!;
    yb -= r.h;
    boxes.push({ layer: r.layer, label: r.label, x: pad, y: yb, w, h: r.h, cpu: r.cpu, parts: r.parts ?? [] });
    yb -= GAP;
  }
  const pci = boxes.find((b) => b.layer === 'pci')!;
  return { configuration, boxes, boundaryY: pci.y + pci.h / 2, width, height };
}

/** Centre of a layer's box, or null when the configuration has no such layer. */
export function boxCentre(layout: ColumnLayout, layer: string): { x: number; y: number } | null {
  const b = layout.boxes.find((x) => x.layer === layer);
  return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null;
}

/** Who pays for a layer's box in a configuration's column, or null when the column has no such box. */
export function layerCpu(configuration: string, layer: string): Cpu | null {
  const { top, bottom } = rowsFor(configuration);
  return [...top, ...bottom].find((r) => r.layer === layer)?.cpu ?? null;
}
