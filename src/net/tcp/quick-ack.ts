// When the receiver acknowledges at once instead of delaying (RFC 1122
// 4.2.3.2 sets only the limits: at most 0.5 s, and at least every second
// full-sized segment; acknowledging more often is allowed). This module
// follows Linux, whose heuristics avoid the Nagle / delayed-ACK deadlock:
//
// - Quick-ACK mode (tcp_incr_quickack, tcp_in_quickack_mode): the first data
//   of a connection, data after an idle gap longer than the RTO, and a
//   duplicate (retransmitted) segment each grant up to TCP_MAX_QUICKACKS (16)
//   immediate ACKs, bounded by rcv_wnd / (2 * rcv_mss) and at least 2, so slow
//   start is not held back by a delayed-ACK timer at the start of a flow.
// - Ping-pong (interactive) mode: when we send data within the delayed-ACK
//   timeout of the last data we received (tcp_event_data_sent,
//   TCP_PINGPONG_THRESH = 1), ACKs are left to ride on replies and quick-ACK
//   mode is suspended; a delayed-ACK timer that fires ends it
//   (tcp_delack_timer_handler: "Delayed ACK missed").
// - A pushed short segment (shorter than the receiver's MSS estimate, Linux
//   ICSK_ACK_PUSHED in tcp_measure_rcv_mss) is acknowledged as soon as the
//   application has read the receive queue empty, unless in ping-pong mode
//   (tcp_cleanup_rbuf); a second one while the first is unacknowledged
//   (ICSK_ACK_PUSHED2) is acknowledged on read even in ping-pong mode.
//
// Out-of-order data and hole fills are acknowledged at once by text.ts
// (RFC 5681 4.2), as Linux's __tcp_ack_snd_check does.
import type { Nanos } from '../../sim/units';
import type { Tcb } from './tcb';

/** Whether received in-order data should be acknowledged at once. */
export function inQuickAck(tcb: Tcb): boolean {
  return tcb.quickAcks > 0 && !tcb.pingpong;
}

/** Linux tcp_incr_quickack: grant immediate ACKs, never fewer than already granted. */
function grantQuickAcks(tcb: Tcb): void {
  const max = tcb.cfg.quickAcks;
  if (max <= 0) return;
  const byWindow = Math.floor(tcb.rcvWndAvailable / (2 * tcb.rcvMss)) || 2;
  const n = Math.min(byWindow, max);
  if (n > tcb.quickAcks) tcb.quickAcks = n;
}

/** Linux tcp_enter_quickack_mode: also leaves ping-pong mode. */
export function enterQuickAck(tcb: Tcb): void {
  grantQuickAcks(tcb);
  tcb.pingpong = false;
}

/**
 * In-order data of `len` bytes arrived (Linux tcp_event_data_recv and
 * tcp_measure_rcv_mss). Call after the receiver's MSS estimate was updated.
 */
export function noteDataReceived(tcb: Tcb, len: number, now: Nanos): void {
  const last = tcb.lastDataRecvAt;
  if (last < 0 || now - last > tcb.rtt.rto) grantQuickAcks(tcb);
  tcb.lastDataRecvAt = now;
  if (len < tcb.rcvMss) tcb.ackPushed = Math.min(2, tcb.ackPushed + 1);
}

/** New data leaves (Linux tcp_event_data_sent): a quick reply means ping-pong. */
export function noteDataSent(tcb: Tcb, now: Nanos): void {
  if (tcb.lastDataRecvAt >= 0 && now - tcb.lastDataRecvAt < tcb.cfg.delayedAckTimeout) tcb.pingpong = true;
}

/** A segment carrying our ACK left (Linux tcp_event_ack_sent / tcp_dec_quickack_mode). */
export function noteAckSent(tcb: Tcb): void {
  if (tcb.quickAcks > 0) tcb.quickAcks--;
  tcb.ackPushed = 0;
}

/** The delayed-ACK timer fired: a missed delayed ACK ends ping-pong mode. */
export function noteDelayedAckFired(tcb: Tcb): void {
  tcb.pingpong = false;
}

/**
 * The application read `n` bytes (Linux tcp_cleanup_rbuf): a pending delayed
 * ACK for pushed short data goes out now once the receive queue is empty.
 */
export function noteApplicationRead(tcb: Tcb, n: number): void {
  if (n <= 0 || tcb.timers.delayedAckAt === Infinity || tcb.recvBuf.length > 0) return;
  if (tcb.ackPushed >= 2 || (tcb.ackPushed === 1 && !tcb.pingpong)) tcb.ackNow = true;
}
