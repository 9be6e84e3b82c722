// Which box of the architecture view does the work a processor's cycles were charged for
// (DESIGN.md 1.2 layers, 1.4 categories). A box's cycles are, by construction, the sum
// over the categories mapped to it of its processor's cycles (box-cycles.ts), so the
// boxes of one processor add up to exactly that processor's total: the figure its CPU
// chart stacks by category.
//
// Contract: `boxOfCategory(configuration, processor, category)` is total: every
// (configuration, processor kind, category) names exactly one layer, and that layer is a
// box of the configuration's column paid by that processor (cycle-map.test.ts checks both
// against CATEGORIES and layout.ts). A category a processor never charges in a
// configuration still has a box (its nearest counterpart), so a charge the model adds
// later is shown somewhere rather than lost. Boxes without a processor (NIC, wire, bus,
// peer) never receive a category.
//
// Choices that are not one-to-one, and why:
// - 'copy' on the native host goes to the socket box: the model charges copy_from_user /
//   copy_to_user per send() / recv() call, the socket layer's sendmsg/recvmsg path. On the
//   offload host the copy is the OSM's memory management filling its DMA pool buffers
//   (model/offload/osm/memory.ts), so it goes to the socket OSM.
// - 'socket' covers struct socket *and* struct sock work (inetSock, sk_buff alloc/free in
//   the host cost tables): the model does not split it, so it is shown once, in the socket
//   box, and the INET box carries no cycles of its own (CYCLES_ELSEWHERE says so on the page).
// - 'checksum' (RFC 1071 over the payload) is the transport's checksum (TCP's in RFC 9293
//   3.1, UDP's in RFC 768): on the host it goes to the tcp box, where the lab's workloads
//   compute it; the IPv4 header checksum is inside 'ip'. On the IOP it is the ISM's.
// - 'irq' on the offload host is the ISR of the card's reply interrupt, the I2O transport
//   layer's (model/offload/host-transport.ts); on the native host it is the NIC driver's.
// - 'dma-setup' on the IOP programs the DMA engine that moves payload between the OSM's
//   pools and IOP memory for the ISM (model/offload/card/ism.ts, ism-receiver.ts), not the
//   MAC's rings, so it is the ISM's work; 'i2o' on the IOP (building and posting a reply
//   frame) is the IRTOS's message service, the card's half of the I2O transport.
import { CATEGORIES, type Category, type Layer } from '../../../sim';

export type ProcessorKind = 'host' | 'iop';

/** The host of native and stateless: the Linux INET path. */
const LINUX_HOST_OWN = {
  app: 'app',
  syscall: 'syscall',
  socket: 'socket',
  copy: 'socket',
  checksum: 'tcp',
  tcp: 'tcp',
  udp: 'udp',
  ip: 'ip',
  driver: 'netdev',
  irq: 'netdev',
  softirq: 'netdev',
  mmio: 'netdev',
  'dma-setup': 'netdev',
} as const satisfies Partial<Record<Category, Layer>>;
/** Never charged on this host (offload's and the card's work): their counterparts here. */
const LINUX_HOST_FOREIGN = {
  osm: 'socket',
  i2o: 'netdev',
  rtos: 'netdev',
  ism: 'tcp',
  hdm: 'netdev',
} as const satisfies Partial<Record<Category, Layer>>;

/** The host of offload: the socket calls go to the OSM, which talks I2O to the card. */
const OFFLOAD_HOST_OWN = {
  app: 'app',
  syscall: 'syscall',
  socket: 'socket',
  copy: 'osm',
  osm: 'osm',
  i2o: 'i2o',
  mmio: 'i2o',
  irq: 'i2o',
} as const satisfies Partial<Record<Category, Layer>>;
/** Never charged on this host: the protocol work is the card's, and there is no NIC driver. */
const OFFLOAD_HOST_FOREIGN = {
  checksum: 'osm',
  tcp: 'osm',
  udp: 'osm',
  ip: 'osm',
  ism: 'osm',
  driver: 'i2o',
  softirq: 'i2o',
  'dma-setup': 'i2o',
  rtos: 'i2o',
  hdm: 'i2o',
} as const satisfies Partial<Record<Category, Layer>>;

/** The card's I/O processor (offload). */
const IOP_OWN = {
  rtos: 'irtos',
  i2o: 'irtos',
  ism: 'ism',
  tcp: 'ism',
  udp: 'ism',
  ip: 'ism',
  checksum: 'ism',
  'dma-setup': 'ism',
  hdm: 'hdm',
} as const satisfies Partial<Record<Category, Layer>>;
/** Never charged on the IOP: their counterparts on the card. */
const IOP_FOREIGN = {
  app: 'ism',
  socket: 'ism',
  copy: 'ism',
  syscall: 'irtos',
  osm: 'irtos',
  irq: 'irtos',
  softirq: 'irtos',
  driver: 'hdm',
  mmio: 'hdm',
} as const satisfies Partial<Record<Category, Layer>>;

interface CycleTable {
  /** Every category's box (the compiler checks that no category is missing). */
  readonly box: Readonly<Record<Category, Layer>>;
  /** The categories this processor charges in this configuration (the rest: never). */
  readonly own: ReadonlySet<Category>;
}

function cycleTable(own: Partial<Record<Category, Layer>>, box: Record<Category, Layer>): CycleTable {
  return { box, own: new Set(CATEGORIES.filter((c) => own[c] !== undefined)) };
}

const LINUX_HOST = cycleTable(LINUX_HOST_OWN, { ...LINUX_HOST_OWN, ...LINUX_HOST_FOREIGN });
const OFFLOAD_HOST = cycleTable(OFFLOAD_HOST_OWN, { ...OFFLOAD_HOST_OWN, ...OFFLOAD_HOST_FOREIGN });
const IOP = cycleTable(IOP_OWN, { ...IOP_OWN, ...IOP_FOREIGN });

/** The raw tables, for the test that each category is placed exactly once. */
export const CYCLE_TABLES = {
  linuxHost: { own: LINUX_HOST_OWN, foreign: LINUX_HOST_FOREIGN },
  offloadHost: { own: OFFLOAD_HOST_OWN, foreign: OFFLOAD_HOST_FOREIGN },
  iop: { own: IOP_OWN, foreign: IOP_FOREIGN },
} as const;

/** Boxes paid by a processor that no category of theirs reaches: where their work is counted instead. */
export const CYCLES_ELSEWHERE: Readonly<Partial<Record<Layer, { readonly box: Layer; readonly why: string }>>> = {
  inet: { box: 'socket', why: 'The model charges the work of struct sock (locking, queues, wake-ups, sk_buff allocation) to the \'socket\' category together with struct socket\'s, so it is counted in the socket box.' },
};

function tableFor(configuration: string, processor: ProcessorKind): CycleTable {
  if (processor === 'iop') return IOP;
  return configuration === 'offload' ? OFFLOAD_HOST : LINUX_HOST;
}

/** The box that does the work charged to `category` on `processor` in `configuration`. */
export function boxOfCategory(configuration: string, processor: ProcessorKind, category: Category): Layer {
  return tableFor(configuration, processor).box[category];
}


/** The categories `processor` charges in `configuration` that are counted in `layer`, in CATEGORIES order. */
export function categoriesOfBox(configuration: string, processor: ProcessorKind, layer: Layer): Category[] {
  const t = tableFor(configuration, processor);
  return CATEGORIES.filter((c) => t.box[c] === layer && t.own.has(c));
}

/** The kind of a processor from its figures' name ('native:cpu0', 'offload:iop'). */
export function processorKind(name: string): ProcessorKind {
  const own = name.slice(name.indexOf(':') + 1);
  return own === 'iop' ? 'iop' : 'host';
}
