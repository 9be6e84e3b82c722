// InitiatorContext values of the socket OSM: the host's ISR dispatches each
// reply to the OSM subsystem named by the context its request carried (I2O
// 1.5: a reply echoes the request's InitiatorContext and TransactionContext).
// TransactionContext then names the transaction: a send record for SEND, the
// socket handle for everything else.

/** Data path: SEND completions (memory management frees the transmit buffers) and RECV_DATA. */
export const CTX_DATA = 0x4f534d01;
/** Control path: socket completions and events (CONNECTED, ACCEPTED, CLOSED, ERROR). */
export const CTX_CONTROL = 0x4f534d02;
/**
 * A control call whose caller sleeps for the card's answer (bind, listen,
 * shutdown, setsockopt and getsockopt made with a continuation): the ISM
 * applies the request when it handles it and answers COMPLETE or ERROR(errno),
 * or for GETSOCKOPT OPTVAL (the option's bytes) or ERROR; TransactionContext
 * names the sleeping call. (A lingering close sleeps too, but for the socket's
 * own COMPLETE(CLOSE) on CTX_CONTROL, or its linger time.)
 */
export const CTX_CALL = 0x4f534d03;

/** Handles the OSM gives the sockets it creates; the ISM numbers accepted connections from CHILD_HANDLE_BASE. */
export const FIRST_HOST_HANDLE = 1;
export const CHILD_HANDLE_BASE = 0x80000000;

/** Where the host memory the DMA engine reaches lives (the OSM's two pools). */
export interface HostMemory {
  /** The bytes at a bus address (a view), or null when no pool holds them. */
  read(address: number, length: number): Uint8Array | null;
  /** Writes bytes at a bus address; false when no pool holds it. */
  write(address: number, bytes: Uint8Array): boolean;
}
