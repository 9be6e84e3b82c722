// Counters of the offload machine that no other component keeps (the bus and
// the messaging unit count their own transfers, reads and messages).
export class OffloadCounters {
  /** Host interrupts taken (outbound-reply ISR entries). */
  interrupts = 0;
  /** Blocked callers woken by the OSM's kernel interface. */
  contextSwitches = 0;
  /** Host CPU copies between user memory and a pool buffer, and their bytes. */
  copies = 0;
  bytesCopied = 0;
  /** Host uncached reads (inbound port pops, outbound port reads). */
  mmioReads = 0;
  /**
   * Backpressure events of the pools: a send that found the transmit pool dry,
   * a socket that could not be lent receive buffers (pool dry).
   */
  poolExhausted = 0;
  /** Sends stopped by the socket's own share of the transmit pool (a full send buffer: flow control). */
  sendBufferFull = 0;
  /** Inbound port reads that returned 0xFFFFFFFF (the host backs off and retries). */
  i2oQueueFull = 0;
  /** Replies the IOP had to hold because no outbound frame was free. */
  outboundFull = 0;
  /** DMA transfers that failed and were retried. */
  dmaErrors = 0;
  /** IOP interrupts (inbound posts and the MAC). */
  iopInterrupts = 0;
  /** Frames that failed to decode (never expected; counted, never thrown). */
  malformedFrames = 0;
  /** Frames the card's MAC dropped for want of a receive descriptor. */
  macRxDrops = 0;
  /**
   * Datagrams the ISM dropped because they need more receive-pool buffers than
   * one RECVFROM_DATA reply can name (only with receive buffers far smaller than
   * a datagram; Linux likewise drops a datagram its receive buffer cannot hold).
   */
  datagramsTooLarge = 0;
}
