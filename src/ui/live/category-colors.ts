// One colour per cycle category (src/sim CATEGORIES), chosen to stay apart for common
// colour-vision deficiencies (Okabe-Ito first, then Paul Tol's muted set) and to read
// on both the light and the dark background. Host-stack categories come first in the
// list; the offload path's (osm, i2o, ... hdm) follow, so a later chart keeps colours.
const PALETTE: Readonly<Record<string, string>> = {
  syscall: '#0072B2',
  socket: '#56B4E9',
  copy: '#E69F00',
  checksum: '#D55E00',
  tcp: '#009E73',
  udp: '#44AA99',
  ip: '#CC79A7',
  driver: '#999933',
  irq: '#AA4499',
  softirq: '#882255',
  osm: '#332288',
  i2o: '#88CCEE',
  mmio: '#DDCC77',
  'dma-setup': '#117733',
  rtos: '#6699CC',
  ism: '#EE7733',
  hdm: '#CC6677',
  app: '#7F7F7F',
};

export function categoryColor(category: string): string {
  return PALETTE[category] ?? '#7F7F7F';
}
