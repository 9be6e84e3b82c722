// Constants shared by the stream-socket modules.

/** Linux's net.core.somaxconn default since 5.4: the largest listen backlog. */
export const SOMAXCONN = 4096;

/** Event kinds the TcpLayer handles: a connection's timer, and a lingering close's deadline. */
export const KIND_TIMER = 1;
export const KIND_LINGER = 2;
