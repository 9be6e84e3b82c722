// The cost table the ISM's stack charges on the IOP: the same protocol
// operations as the host's INET stack (DESIGN.md 1.3), priced by the IOP
// profile (src/model/costs/iop-table.ts derives them from the host's with the
// XScale's factors). What differs from a host kernel:
// - no system call and no socket-layer call on the card: the ISM's request
//   handling ('ism', ismSocketRequest) is charged per I2O message instead;
// - no CPU copy: the DMA engine places payload in and takes it out of the
//   ISM's socket buffers (iop-table.ts: "the ISM never copies payload with
//   the CPU");
// - ARP is priced like an IP input (an estimate: the same header work) and a
//   protocol timer like building a pure ACK (what a timer usually does).
import type { OpCost, StackCosts } from '../../../net/stack';
import type { ResolvedIopCosts, ResolvedOp } from '../../costs';

const ZERO: OpCost = Object.freeze({ fixedCycles: 0, cyclesPerByte: 0 });
const c = (o: ResolvedOp): OpCost => Object.freeze({ fixedCycles: o.fixed, cyclesPerByte: o.perByte });

export function ismStackCosts(iop: ResolvedIopCosts): StackCosts {
  const o = iop.ops;
  return Object.freeze({
    syscall: ZERO,
    socketCall: ZERO,
    copy: ZERO,
    checksum: c(o.checksum),
    tcpRx: c(o.tcpRxSegment),
    tcpTx: c(o.tcpTxSegment),
    tcpRxAck: c(o.tcpRxAck),
    tcpTxAck: c(o.tcpTxAck),
    ipRx: c(o.ipRx),
    ipTx: c(o.ipTx),
    udpRx: c(o.udpRx),
    udpTx: c(o.udpTx),
    arp: c(o.ipRx),
    timer: c(o.tcpTxAck),
  });
}
