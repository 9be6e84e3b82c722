// Test-only helpers in the STYLE.md manner: ready-made sockets per state,
// segment templates, exactly-one-segment helpers, and a two-endpoint loopback.
export * from './segments';
export { sendSeg, recvSeg, recvAll, recvNothing } from './helpers';
export {
  TEST_CONFIG, newSocket, listenSocket, synSentSocket, synReceivedSocket, establishedSocket, finWait1Socket,
  finWait2Socket, closeWaitSocket, closingSocket, lastAckSocket, timeWaitSocket,
} from './sockets';
export type { SocketOpts } from './sockets';
export { Loopback, cloneSeg } from './loopback';
export type { LoopbackOptions } from './loopback';
export { runTransfer } from './transfer';
export type { TransferOptions, TransferResult } from './transfer';
