// The wire between the server and its peers, the peers, and the TCP knobs every
// endpoint uses. Defaults are the 2002-gigabit scenario: one peer on 1 GbE.

import { estimate, LINUX_CONSTANTS, param, source } from '../../model/costs';
import { bool, choice, group, num } from './fields';

const ETH = source('ieee-802.3');
const RFC = source('tcp-rfcs');

export const wireSchema = group({
  bandwidthMbps: num(param(1000, 'Mb/s', { min: 1, max: 800_000 }, ETH, 'Line rate of the link')),
  delayUs: num(param(5, 'µs', { min: 0, max: 1_000_000 }, estimate('a machine-room LAN: ~0.5 µs of cable plus PHY and MAC latency at both ends'), 'One-way propagation delay'), { apply: 'live' }),
  mtuBytes: num(param(1500, 'B', { min: 576, max: 9216 }, ETH, 'IP MTU of the link (1500 standard, up to ~9000 jumbo)'), { int: true }),
  queueBytes: num(param(262_144, 'B', { min: 1514, max: 268_435_456 }, estimate('256 KB egress buffer: a small 2002-era gigabit switch port'), 'Drop-tail queue at the switch egress port (with a switch)'), { int: true }),
  switch: group({
    enabled: bool(false, 'Put a store-and-forward switch with a drop-tail queue between server and peers', estimate('a back-to-back cable is the simplest test bed')),
    forwardingDelayUs: num(param(3, 'µs', { min: 0, max: 10_000 }, estimate('lookup and crossbar latency of a gigabit switch, beyond the store-and-forward time the model adds'), 'Switch latency per frame')),
  }),
});

export const peerSchema = group({
  count: num(param(1, 'peers', { min: 1, max: 1024 }, estimate('one client suffices to saturate one gigabit link'), 'Client machines'), { int: true }),
  idealCpu: bool(true, 'Peers process packets in zero time, so only the server limits', estimate('the lab studies the server; an ideal peer keeps the peer from hiding its costs')),
  clockMHz: num(param(2400, 'MHz', { min: 50, max: 10_000 }, estimate('a peer like the server'), 'Peer CPU clock (when not ideal)')),
});

export const tcpSchema = group({
  sndBufBytes: num(param(131_072, 'B', { min: 2048, max: 67_108_864 }, estimate('Linux 2.4 tcp_wmem max of 128 KB, as a tuned benchmark sets SO_SNDBUF', 'linux'), 'Socket send buffer'), { int: true }),
  rcvBufBytes: num(param(131_072, 'B', { min: 2048, max: 67_108_864 }, estimate('Linux 2.4 tcp_rmem (87,380 default, 174,760 max); 128 KB as a tuned benchmark sets SO_RCVBUF', 'linux'), 'Socket receive buffer'), { int: true }),
  nodelay: bool(false, 'TCP_NODELAY: disable Nagle\'s algorithm', RFC),
  congestionControl: choice(['newreno', 'reno'], 'newreno', 'Congestion control (RFC 5681 Reno, RFC 6582 NewReno)', RFC),
  sack: bool(true, 'Offer SACK-permitted (RFC 2018)', RFC),
  timestamps: bool(true, 'Offer timestamps (RFC 7323); adds 12 B to every segment', RFC),
  windowScale: bool(true, 'Offer window scaling (RFC 7323)', RFC),
  delayedAck: group({
    enabled: bool(true, 'Delay ACKs (RFC 1122 4.2.3.2)', RFC),
    segments: num(LINUX_CONSTANTS.delayedAckSegments, { int: true }),
    timeoutMs: num(LINUX_CONSTANTS.delayedAckMs),
  }),
  initialCwndSegments: num(param(3, 'segments', { min: 1, max: 100 }, estimate('RFC 3390 (2002): min(4 MSS, max(2 MSS, 4380 B)) = 3 segments at MSS 1460; RFC 6928 later raised it to 10', 'tcp-rfcs'), 'Initial congestion window'), { int: true }),
  initialRtoMs: num(param(1000, 'ms', { min: 10, max: 60_000 }, RFC, 'Initial retransmission timeout (RFC 6298 2.1)')),
  minRtoMs: num(param(200, 'ms', { min: 1, max: 60_000 }, estimate('Linux TCP_RTO_MIN = HZ/5 = 200 ms (RFC 6298 suggests 1 s)', 'linux'), 'Lower bound on the RTO')),
});
