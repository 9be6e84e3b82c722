// The two shapes frames move through. A frame is the bytes of one Ethernet II
// frame (destination MAC through payload; no preamble, no FCS).
//
// Ownership: a frame handed to `transmit` or `receiveFrame` is valid only during
// the call. The callee copies what it keeps and never writes into it; this is
// what lets the wire and the stack pass pooled buffers without allocating.

/** Where a stack sends frames: its network interface (the wire's near end). */
export interface Netif {
  transmit(frame: Uint8Array): void;
}

/** Where frames come out: the far end of a wire, a fault wrapper, a stack. */
export interface FrameSink {
  receiveFrame(frame: Uint8Array): void;
}

/** A sink that ignores every frame (an unplugged port). */
export const NULL_SINK: FrameSink = { receiveFrame: () => undefined };
