// src/net/stack: the stack object and the BSD socket API.
export { Stack } from './stack';
export type { StackOptions } from './stack';
export type { IpTap } from './output';
export { isFlowControlled } from './xmit-queue';
export type { TxFlowControl, XmitCounters } from './xmit-queue';
export type {
  SocketApi, Fd, SockType, SockAddr, Accepted, Received, Cont, Result, Linger, SockOpt, SockOptValues,
  GetSockOptValues, ShutdownHow,
} from './api';
export { POLLIN, POLLOUT, POLLERR, POLLHUP } from './api';
export { sysError, isSysError, PENDING, isPending } from './errno';
export type { Errno, SysError, Pending } from './errno';
export { DEFAULT_STACK_COSTS, FREE_STACK_COSTS, COST_CATEGORY } from './costs';
export type { StackCosts, OpCost, CostName } from './costs';
export { DropCounters } from './drops';
export { SOMAXCONN } from './tcp-constants';
export { UDP_MAX_PAYLOAD } from './udp-layer';
export { EPHEMERAL_LO, EPHEMERAL_HI } from './ports';
