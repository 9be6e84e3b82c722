// The two IOP profiles: the IOP321 of the 2002 iNIC and a modern embedded ARM core
// for an imagined 2020 iNIC. Own operations (IRTOS, HDM, DMA engine) are estimates
// in IOP cycles; protocol operations are derived from the host profile (iop-table.ts).

import { HOST_X86_2020 } from './host-x86-2020';
import { HOST_XEON_2002 } from './host-xeon-2002';
import { deriveIsmOps, iopFactors, type IopCostTable } from './iop-table';
import { op } from './op-cost';
import { param } from './param';
import { estimate } from './source';

const RTOS = (what: string) =>
  estimate(`${what}; an embedded RTOS path is short and cache-resident, a few hundred instructions`, 'iop321');
const IOP = (what: string) => estimate(what, 'iop321');

const F2002 = iopFactors(
  1.6,
  2,
  1.5,
  'XScale 80321: single-issue in-order core vs a 3-wide out-of-order Xeon (~1.6x cycles), 32 KB D-cache and no L2 (~2x misses), 32-bit checksum loop (~1.5x per byte)',
);

export const IOP321_2002: IopCostTable = {
  profile: 'iop321-2002',
  description: 'Intel IOP321 (80321 XScale, 600 MHz, 32 KB caches, local DDR-200), I2O messaging unit, 2 DMA channels',
  cacheMissNs: param(100, 'ns', { min: 1, max: 1000 }, IOP('local DDR-200 SDRAM behind the 80321 memory controller, ~100 ns'), 'Latency of a cache miss to IOP memory'),
  factors: F2002,
  ops: {
    ...deriveIsmOps(HOST_XEON_2002, F2002),
    iopInterrupt: op('rtos', 'IOP interrupt entry and exit (doorbell / inbound post)', IOP('ARM IRQ entry with register save and the MU status read on the local bus, ~0.5 µs'), 300),
    irtosDispatch: op('rtos', 'IRTOS: pop an inbound frame and dispatch it to the DDM by TID', RTOS('inbound queue pop and TID lookup'), 400, 0, 1),
    ismSocketRequest: op('ism', 'ISM socket-class request handling (decode the message, find the socket)', IOP('socket-message decode and socket lookup; priced like the host socket + INET glue x ipcFactor'), 1100, 0, 1),
    ismBufferAlloc: op('ism', 'ISM buffer allocation (the IOP stack\'s packet buffer)', IOP('a fixed-size buffer free list like an skb allocation x ipcFactor'), 560, 0, 1),
    ismBufferFree: op('ism', 'ISM buffer free', IOP('free-list push x ipcFactor'), 400, 0, 0.5),
    hdmTxPacket: op('hdm', 'HDM: hand one packet to the card\'s MAC (descriptor, doorbell on the local bus)', IOP('like a host driver transmit x ipcFactor, without the PCI crossing'), 800),
    hdmRxPacket: op('hdm', 'HDM: take one packet from the MAC (descriptor, refill)', IOP('like a host driver receive x ipcFactor'), 960, 0, 1),
    dmaEngineSetup: op('dma-setup', 'Program one DMA chain between host memory and IOP memory', IOP('write a chain descriptor and kick the channel: ~300 cycles'), 300),
    i2oReplyBuild: op('i2o', 'Build and post one reply frame to the host (outbound queue)', IOP('pop a host frame, write the reply across PCI, post it'), 500, 1),
  },
};

const F2020 = iopFactors(
  1.3,
  1.5,
  1.2,
  'a modern out-of-order embedded ARM core (Cortex-A72 class) runs kernel code at ~0.75x a server x86 core\'s IPC with smaller caches',
);

export const ARM_2020: IopCostTable = {
  profile: 'arm-2020',
  description: 'An out-of-order embedded ARM core of the 2020s (Cortex-A72 class) as the iNIC processor',
  cacheMissNs: param(90, 'ns', { min: 1, max: 1000 }, IOP('on-card DDR4 behind an SoC interconnect, ~90 ns'), 'Latency of a cache miss to IOP memory'),
  factors: F2020,
  ops: {
    ...deriveIsmOps(HOST_X86_2020, F2020),
    iopInterrupt: op('rtos', 'IOP interrupt entry and exit', IOP('GIC interrupt entry and exit'), 250),
    irtosDispatch: op('rtos', 'IRTOS: pop an inbound frame and dispatch it to the DDM by TID', RTOS('queue pop and dispatch'), 300, 0, 1),
    ismSocketRequest: op('ism', 'ISM socket-class request handling (decode the message, find the socket)', IOP('host socket + INET glue x ipcFactor'), 650, 0, 1),
    ismBufferAlloc: op('ism', 'ISM buffer allocation', IOP('skb-like allocation x ipcFactor'), 330, 0, 1),
    ismBufferFree: op('ism', 'ISM buffer free', IOP('free-list push x ipcFactor'), 260, 0, 0.5),
    hdmTxPacket: op('hdm', 'HDM: hand one packet to the card\'s MAC', IOP('host driver transmit x ipcFactor'), 400),
    hdmRxPacket: op('hdm', 'HDM: take one packet from the MAC', IOP('host driver receive x ipcFactor'), 400, 0, 1),
    dmaEngineSetup: op('dma-setup', 'Program one DMA chain between host memory and IOP memory', IOP('descriptor write and channel kick'), 200),
    i2oReplyBuild: op('i2o', 'Build and post one reply frame to the host (outbound queue)', IOP('reply write across PCIe and post'), 300, 0.5),
  },
};
