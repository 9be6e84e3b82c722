// The scenario's TCP knobs as the stack's TcpConfig (times in ns). Both the
// server's stack (host INET or the card's ISM) and the peer use it.
// 'reno' maps to NewReno: the stack implements NewReno (RFC 6582) and CUBIC,
// and Reno differs only in leaving fast recovery at the first partial ACK.
import { millis } from '../../sim';
import type { TcpConfig } from '../../net/tcp';
import type { Scenario } from '../schema';

export function tcpConfigFor(s: Scenario): TcpConfig {
  const t = s.tcp;
  const small = s.faults.host.smallSocketBuffer ? s.faults.host.smallSocketBufferBytes : Infinity;
  return {
    sndBuf: Math.min(t.sndBufBytes, small),
    rcvBuf: Math.min(t.rcvBufBytes, small),
    windowScale: t.windowScale,
    sack: t.sack,
    timestamps: t.timestamps,
    nodelay: t.nodelay,
    delayedAck: t.delayedAck.enabled,
    delayedAckTimeout: millis(t.delayedAck.timeoutMs),
    congestion: 'newreno',
    initialCwndSegments: t.initialCwndSegments,
    rtoMin: millis(t.minRtoMs),
    rtoInitial: millis(t.initialRtoMs),
  };
}
