import { describe, expect, it } from 'vitest';
import { buildCostTables } from './cost-tables';
import { I2O_DEFAULTS } from './i2o-defaults';
import { NATIVE_2002_BULK, nativeSendPerSegment } from './native-path';
import { offloadReceivePerSegment, offloadSendPerSegment, type OffloadBulkOptions } from './offload-path';
import { resolveHostCosts, resolveIopCosts } from './resolve';

const OPTS: OffloadBulkOptions = {
  segmentBytes: 1460,
  appCallBytes: 65_536,
  ackEverySegments: 2,
  poolBufferBytes: I2O_DEFAULTS.txPoolBufferBytes.value,
  inboundFrameWords: I2O_DEFAULTS.inboundFrameWords.value,
  repliesPerInterrupt: I2O_DEFAULTS.replyCoalesceMax.value,
  repostBatch: I2O_DEFAULTS.repostThreshold.value,
  macChecksumOffload: true,
  iopPacketsPerInterrupt: 1,
  blockingCalls: true,
};

function tables() {
  const t = buildCostTables('xeon-2002', 'iop321-2002');
  if (!t.ok) throw new Error('profiles must build');
  return t.tables;
}

const SEGMENTS_PER_SEC_AT_1G = 125e6 / 1460;

describe('the offload path summed from the 2002 tables', () => {
  const t = tables();
  const h = resolveHostCosts(t, 2.4e9);

  it('leaves the host under 10% busy at 1 Gb/s in either direction (the article\'s claim, ~5% recalled)', () => {
    const p = resolveIopCosts(t, 600e6);
    for (const [name, s] of [['send', offloadSendPerSegment(h, p, OPTS)], ['receive', offloadReceivePerSegment(h, p, OPTS)]] as const) {
      const util = (s.host.total * SEGMENTS_PER_SEC_AT_1G) / 2.4e9;
      console.log(`offload ${name}: host ${(s.host.total / 1460).toFixed(2)} cycles/B = ${(util * 100).toFixed(1)}% of 2.4 GHz at 1 Gb/s; IOP ${s.iop.total.toFixed(0)} cycles/segment`);
      expect(util).toBeLessThan(0.1);
    }
  });

  it('lets a 600 MHz IOP carry about a gigabit but not a 200 MHz one', () => {
    for (const mhz of [600, 200]) {
      const p = resolveIopCosts(t, mhz * 1e6);
      const send = offloadSendPerSegment(h, p, OPTS).iop.total;
      const gbps = ((mhz * 1e6) / send) * 1460 * 8 / 1e9;
      console.log(`IOP at ${mhz} MHz can send at most ${gbps.toFixed(2)} Gb/s of payload`);
      if (mhz === 600) expect(gbps).toBeGreaterThan(0.9);
      else expect(gbps).toBeLessThan(0.5);
    }
  });

  it('charges the IOP more cycles than the Xeon for the same protocol operation (lower IPC, smaller caches)', () => {
    const p = resolveIopCosts(t, 600e6);
    for (const n of ['tcpTxSegment', 'tcpRxSegment', 'ipTx', 'ipRx'] as const) {
      expect(p.ops[n].fixed).toBeGreaterThan(t.host.ops[n].fixedCycles.value);
    }
  });

  it('removes most of the native host cycles per byte', () => {
    const p = resolveIopCosts(t, 600e6);
    const native = nativeSendPerSegment(h, NATIVE_2002_BULK).total;
    const off = offloadSendPerSegment(h, p, OPTS).host.total;
    expect(off / native).toBeLessThan(0.3);
  });
});
