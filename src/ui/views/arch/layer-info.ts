// What each box of the architecture view stands for, in our own words from the article
// (seed/) and DESIGN.md 1.2-1.5: shown when a box is clicked, beside its live figures.
import type { Layer } from '../../../sim';

export interface LayerInfo {
  readonly title: string;
  /** What the layer does in this lab's model. */
  readonly what: string;
  /** The Linux structure or I2O element it stands for. */
  readonly standsFor: string;
}

export const LAYER_INFO: Readonly<Record<Layer, LayerInfo>> = {
  app: { title: 'Application', what: 'The server program (web server, iperf-like sender, storage target). It calls the BSD socket API and spends its own cycles per request and per byte: the work offload frees the host CPU for.', standsFor: 'a user process calling socket(), bind(), listen(), accept(), send(), recv(), close()' },
  syscall: { title: 'System call', what: 'The trap into the kernel and back for each socket call, charged to the host CPU in the caller\'s context.', standsFor: 'the system call entry (sys_socketcall on Linux 2.4, sys_sendto/sys_recvfrom today)' },
  socket: { title: 'Socket layer', what: 'Finds the socket behind a file descriptor and dispatches the call to the protocol family. In native it copies user data into kernel buffers; in offload it hands the call to the socket OSM.', standsFor: 'struct socket (include/linux/net.h) and its proto_ops' },
  inet: { title: 'INET', what: 'The kernel\'s IPv4 protocol family: connection state, socket buffers (send and receive queues of sk_buffs), wake-ups of blocked callers.', standsFor: 'struct sock (include/net/sock.h), sk_buff queues' },
  tcp: { title: 'TCP', what: 'The lab\'s real TCP (RFC 9293, NewReno, RTO per RFC 6298, delayed ACK, Nagle). In native it runs on the host CPU; in offload the same code runs inside the ISM on the IOP.', standsFor: 'net/ipv4/tcp*.c, struct tcp_sock' },
  udp: { title: 'UDP', what: 'Datagrams without connection state; same code on the host (native) or in the ISM (offload).', standsFor: 'net/ipv4/udp.c' },
  ip: { title: 'IP', what: 'IPv4 routing, header checksum, fragmentation and reassembly.', standsFor: 'net/ipv4/ip_output.c, ip_input.c' },
  netdev: { title: 'Network device layer', what: 'The queueing discipline and the NIC driver: places frames on the transmit ring (doorbell by MMIO write), cleans completions, and on receive runs the interrupt handler and the NAPI poll that allocates sk_buffs.', standsFor: 'struct net_device, qdisc (pfifo_fast), NAPI poll, the driver\'s rings' },
  nic: { title: 'Network interface card', what: 'Moves frames between its rings and the wire by DMA over the bus and raises interrupts (possibly coalesced). In stateless it can checksum, segment (TSO) and merge (LRO); in offload it is driven by the HDM on the card.', standsFor: 'the MAC/PHY and its descriptor rings' },
  wire: { title: 'Wire', what: 'The Ethernet link to the peer (bandwidth, propagation delay, and any faults the scenario injects: loss, reordering, duplication).', standsFor: 'the cable (or a switch port with a drop-tail queue)' },
  osm: { title: 'Socket OSM', what: 'The host half of the I2O split driver. Its user interface keeps the socket calls\' meaning (same errno values); its message interface turns each call into an I2O message; its kernel interface handles wake-ups and the reply interrupt; its memory management owns two DMA pools (transmit, receive) allocated once, so data is copied once and nothing is allocated at run time.', standsFor: 'I2O Operating System Module, socket class (Intel\'s extension, reconstructed here)' },
  i2o: { title: 'I2O message and transport layer', what: 'Posts message frames to the card: pops a free frame address (MFA) from the inbound queue by an uncached read, writes the frame, posts it back; takes replies from the outbound queue after the card\'s interrupt. Payload moves by DMA, not through the host CPU.', standsFor: 'the I2O messaging unit: MFA, inbound and outbound queues (free and post lists)' },
  pci: { title: 'PCI bus', what: 'The shared bus between host memory and the card: every DMA transfer, MMIO read and doorbell crosses it and takes bus time.', standsFor: 'PCI / PCI-X / PCIe' },
  irtos: { title: 'IRTOS', what: 'The real-time OS on the card\'s I/O processor: takes the interrupt for a posted message and dispatches the frame to the DDM by its target ID.', standsFor: 'I2O Real-Time Operating System on the IOP' },
  ism: { title: 'ISM', what: 'The Intermediate Service Module: the full TCP/IPv4 stack running on the IOP (the same code as the host\'s in native), fed by I2O messages; it pulls payload from the host\'s pool by DMA and returns data by DMA into posted receive buffers.', standsFor: 'the DDM\'s upper half (DDM = ISM + HDM)' },
  hdm: { title: 'HDM', what: 'The Hardware Device Module: the MAC driver on the card, between the ISM\'s IP and the NIC.', standsFor: 'the DDM\'s lower half (DDM = ISM + HDM)' },
  peer: { title: 'Peer', what: 'The client machine at the other end of the wire, running the same TCP/IP code.', standsFor: 'another host' },
};
