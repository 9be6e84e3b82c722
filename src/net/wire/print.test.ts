import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captured, tcpAckWithSack } from './fixtures/frames';
import { formatFrame, formatTcpFlags, formatTimestamp } from './print';
import { TCP_ACK, TCP_CWR, TCP_ECE, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, TCP_URG } from './types';

describe('tcpdump-style one-line printer', () => {
  it('prints a captured Linux SYN as tcpdump -n -S does', () => {
    expect(formatFrame(captured.tcpSyn.bytes, 1_234_567_891)).toBe(
      '1.234567891 10.0.0.1.52160 > 10.0.0.2.5000: Flags [S], seq 883993861, win 64240, ' +
        'options [mss 1460,sackOK,TS val 1317067582 ecr 0,nop,wscale 10], length 0',
    );
  });

  it('prints data, acknowledgements, SACK blocks and teardown', () => {
    expect(formatFrame(captured.tcpDataFromClient.bytes)).toBe(
      '10.0.0.1.52160 > 10.0.0.2.5000: Flags [P.], seq 883993862:883993879, ack 3604312420, win 63, ' +
        'options [nop,nop,TS val 1317067583 ecr 3028575742], length 17',
    );
    expect(formatFrame(captured.tcpFinFromClient.bytes)).toMatch(/^10\.0\.0\.1\.52160 > 10\.0\.0\.2\.5000: Flags \[F\.\], seq 883993879, ack \d+, win 63, /);
    expect(formatFrame(tcpAckWithSack)).toMatch(/options \[nop,nop,TS val \d+ ecr \d+,nop,nop,sack 2 \{\d+:\d+\}\{\d+:\d+\}\], length 0$/);
  });

  it('prints ARP, UDP and IPv4 fragments', () => {
    expect(formatFrame(captured.arpRequest.bytes)).toBe('ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28');
    expect(formatFrame(captured.arpReply.bytes)).toBe('ARP, Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28');
    expect(formatFrame(captured.udpSmall.bytes)).toBe('10.0.0.1.40001 > 10.0.0.2.5001: UDP, length 12');
    expect(formatFrame(captured.ipv4FirstFragment.bytes)).toBe('10.0.0.1 > 10.0.0.2: ip-proto-17 (frag 51432:1480@0+)');
    expect(formatFrame(captured.ipv4LastFragment.bytes)).toBe('10.0.0.1 > 10.0.0.2: ip-proto-17 (frag 51432:576@1480)');
  });

  it('shows bad checksums and truncation instead of hiding them', () => {
    const bad = captured.tcpSyn.bytes.slice();
    bad[60] = bad[60]! ^ 1;
    expect(formatFrame(bad)).toMatch(/length 0 \[bad tcp cksum\]$/);
    const badIp = captured.udpSmall.bytes.slice();
    badIp[22] = 63; // TTL changed without fixing the header checksum
    expect(formatFrame(badIp)).toBe('10.0.0.1.40001 > 10.0.0.2.5001: UDP, length 12 [bad ip cksum]');
    expect(formatFrame(captured.tcpSyn.bytes.subarray(0, 40))).toBe('IP [|ipv4.totalLength]');
    expect(formatFrame(new Uint8Array(3))).toBe('[|ethernet.header]');
  });

  it('spells flags and timestamps as tcpdump does', () => {
    expect(formatTcpFlags(TCP_SYN | TCP_ACK)).toBe('S.');
    expect(formatTcpFlags(TCP_FIN | TCP_SYN | TCP_RST | TCP_PSH | TCP_ACK | TCP_URG | TCP_ECE | TCP_CWR)).toBe('FSRP.UEW');
    expect(formatTcpFlags(0)).toBe('none');
    expect(formatTimestamp(0)).toBe('0.000000000');
    expect(formatTimestamp(12_000_000_001n)).toBe('12.000000001');
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const frame = Uint8Array.of(...captured.tcpSyn.bytes.subarray(0, 14), 0x45, ...bytes);
        expect(typeof formatFrame(frame)).toBe('string');
        expect(typeof formatFrame(bytes)).toBe('string');
      }),
    );
  });
});
