// The exactly-one-segment helpers of STYLE.md: `sendSeg` hands a segment to a
// socket, `recvSeg` dispatches and insists that exactly one segment came out
// (returning a copy), `recvNothing` insists that none did.
import { expect } from 'vitest';
import type { Nanos } from '../../../sim/units';
import type { TcpRepr } from '../../wire/types';
import type { TcpConnection } from '../connection';
import { cloneSeg } from './loopback';
import { REMOTE } from './segments';

export function sendSeg(sock: TcpConnection, s: TcpRepr, now = 0): TcpConnection | null {
  return sock.process(s, now as Nanos, REMOTE);
}

export function recvAll(sock: TcpConnection, now = 0): TcpRepr[] {
  const out: TcpRepr[] = [];
  sock.dispatch(now as Nanos, (s) => out.push(cloneSeg(s)));
  return out;
}

export function recvSeg(sock: TcpConnection, now = 0): TcpRepr {
  const out = recvAll(sock, now);
  expect(out.length, `expected exactly one segment, got ${out.length}`).toBe(1);
  return out[0]!;
}

export function recvNothing(sock: TcpConnection, now = 0): void {
  const out = recvAll(sock, now);
  expect(out.length, `expected no segment, got ${out.length}`).toBe(0);
}
