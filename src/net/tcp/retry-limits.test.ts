import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim/units';
import { millis, seconds } from '../../sim/units';
import { resolveConfig } from './config';
import { recvAll, recvSeg } from './testing/helpers';
import { lseq, pattern } from './testing/segments';
import { establishedSocket, synSentSocket } from './testing/sockets';
import { TCP_SYN } from '../wire/types';
import type { TcpConnection } from './connection';

/** Drives the RTO until the socket fails; returns the retransmissions and the failure time. */
function runToTimeout(s: TcpConnection): { rtx: number; failedAt: number } {
  let rtx = 0;
  for (let guard = 0; guard < 100; guard++) {
    const t = s.pollAt();
    const out = recvAll(s, t);
    if (s.state === 'CLOSED') return { rtx, failedAt: t };
    expect(out.length).toBe(1);
    rtx++;
  }
  throw new Error('no timeout');
}

describe('retransmission limits (RFC 1122 4.2.3.5)', () => {
  it('defaults are Linux tcp_syn_retries 6 and tcp_retries2 15', () => {
    const c = resolveConfig(undefined);
    expect(c.synRetries).toBe(6);
    expect(c.dataRetries).toBe(15);
  });

  it('a data segment is retransmitted 15 times and fails after 924.6 s, well over R2 = 100 s', () => {
    const s = establishedSocket();
    s.send(pattern(100), 0 as Nanos);
    expect(recvSeg(s).seq).toBe(lseq(0));
    const { rtx, failedAt } = runToTimeout(s);
    expect(rtx).toBe(15);
    // RTOs 0.2 s doubling to the 120 s cap: 0.2*(2^10 - 1) + 6 * 120 s.
    expect(failedAt).toBe(millis(924_600));
    expect(s.error).toBe('ETIMEDOUT');
  });

  it('a SYN is retransmitted 6 times and connect() fails after 127 s', () => {
    const s = synSentSocket();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = s.pollAt();
      expect(recvSeg(s, t).flags).toBe(TCP_SYN);
      times.push(t);
    }
    expect(times).toEqual([1, 3, 7, 15, 31, 63].map((x) => seconds(x)));
    expect(s.pollAt()).toBe(seconds(127));
    expect(recvAll(s, seconds(127))).toEqual([]);
    expect(s.error).toBe('ETIMEDOUT');
  });

  it('synRetries and dataRetries are independent', () => {
    const syn = synSentSocket({ config: { synRetries: 1, dataRetries: 9 } });
    expect(runToTimeout(syn).rtx).toBe(1);
    const data = establishedSocket({ config: { synRetries: 1, dataRetries: 3 } });
    data.send(pattern(10), 0 as Nanos);
    recvSeg(data);
    const r = runToTimeout(data);
    expect(r.rtx).toBe(3);
    expect(r.failedAt).toBe(millis(200 + 400 + 800 + 1600));
  });

  it('maxRetries is an alias for both unless they are given', () => {
    expect(resolveConfig({ maxRetries: 2 })).toMatchObject({ synRetries: 2, dataRetries: 2, maxRetries: 2 });
    expect(resolveConfig({ maxRetries: 2, dataRetries: 8 })).toMatchObject({ synRetries: 2, dataRetries: 8 });
  });
});
