import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TcpConfig } from '../config';
import { runTransfer } from './transfer';

const configs: TcpConfig[] = [
  {},
  { sack: false },
  { congestion: 'cubic' },
  { sack: false, timestamps: false, windowScale: false, congestion: 'cubic' },
  { delayedAck: false, nodelay: true, rcvBuf: 16 * 1024 },
];

describe('loopback transfers under seeded loss and reordering', () => {
  it('every byte arrives once, in order and unchanged, and both ends close', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: configs.length - 1 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 160 }), { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 160 }), { maxLength: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 160 }), { maxLength: 8 }),
        (k, dataDrops, ackDrops, delayed) => {
          const counters = [0, 0];
          const extra = [0, 0];
          const dropSet = [new Set(dataDrops), new Set(ackDrops)];
          const delaySet = new Set(delayed);
          const r = runTransfer({
            bytes: 120_000,
            client: configs[k],
            server: configs[k],
            // Loss by emission index, chosen by the property; never inside the protocol.
            drop: (_seg, from) => dropSet[from]!.has(counters[from]!++),
            // Hold some client segments back by 0.3 ms so later ones overtake them.
            extraDelay: (_seg, from) => (from === 0 && delaySet.has(extra[0]!++) ? 300_000 : 0),
          });
          expect(r.received.length).toBe(r.expected.length);
          expect(Buffer.compare(Buffer.from(r.received), Buffer.from(r.expected))).toBe(0);
          expect(r.server.state).toBe('CLOSED');
          expect(r.client.error).toBeNull();
        },
      ),
      { numRuns: 40, seed: 6675 },
    );
  });
});
