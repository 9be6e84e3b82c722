// Segment arrival per state (RFC 9293 3.10.7), used by TcpConnection.process.
export { judgeListen, openChild } from './listen';
export type { ListenVerdict } from './listen';
export { processSynSent } from './syn-sent';
export { processSynchronized } from './synchronized';
export { enterTimeWait } from './time-wait';
