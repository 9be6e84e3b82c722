// Public names of src/net/tcp: TCP per RFC 9293 as a pure protocol machine.
export { TcpConnection } from './connection';
export type { TcpConnectionOptions } from './connection';
export type { EmitFn } from './output';
export type { TcpState } from './state';
export { isSynchronized } from './state';
export type { TcpConfig, ResolvedTcpConfig, CongestionName } from './config';
export { DEFAULT_TCP_CONFIG, resolveConfig } from './config';
export type { Endpoint, TcpError, TcpTraceEvent, TcpCounters } from './types';
export type { CongestionControl } from './congestion';
export { NewReno, Cubic, createCongestionControl } from './congestion';
export { resetFor, segmentLength } from './reset';
export type { ResetReply } from './reset';
export { RttEstimator } from './rtt';
