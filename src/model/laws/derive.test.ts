import { describe, expect, it } from 'vitest';
import { buildCostTables, I2O_DEFAULTS, NATIVE_2002_BULK, type OffloadBulkOptions } from '../costs';
import { deriveLawsInputs, type LawsDerivationInput } from './derive';
import { laws } from './laws';

const tables = (() => {
  const t = buildCostTables('xeon-2002', 'iop321-2002');
  if (!t.ok) throw new Error('profiles must build');
  return t.tables;
})();

const OFFLOAD: OffloadBulkOptions = {
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

function input(iopMHz: number, appCyclesPerByte: number): LawsDerivationInput {
  return {
    tables,
    hostClockHz: 2.4e9,
    iopClockHz: iopMHz * 1e6,
    direction: 'send',
    wireBitsPerSec: 1e9,
    headerBytes: 40,
    appCyclesPerByte,
    appCyclesPerRequest: 0,
    native: NATIVE_2002_BULK,
    offload: OFFLOAD,
  };
}

function evaluate(i: LawsDerivationInput) {
  const d = deriveLawsInputs(i);
  const r = laws(d.inputs);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { d, r: r.result };
}

describe('LAWS inputs derived from the 2002 tables', () => {
  it('make p·a·β·Y equal the IOP seconds per byte, and α the clock ratio times the ISM/native cycle ratio', () => {
    const { d, r } = evaluate(input(600, 0));
    const { a, p, beta, Y, X } = d.inputs;
    expect(p * a * beta * Y).toBeCloseTo(d.iopCyclesPerByte / 600e6, 15);
    expect(r.alpha).toBeCloseTo((2.4e9 / 600e6) * d.ismToNativeCycleRatio, 9);
    expect(a).toBeCloseTo(d.nativeHostCyclesPerByte, 12);
    expect(X).toBe(1 / 2.4e9);
    console.log(`2002-gigabit send, IOP 600 MHz: a=${a.toFixed(2)} cycles/B, p=${p.toFixed(3)}, r=${d.ismToNativeCycleRatio.toFixed(2)}, α=${r.alpha.toFixed(2)}, β=${beta.toFixed(3)}, σ=${r.sigma.toFixed(2)}`);
    expect(d.ismToNativeCycleRatio).toBeGreaterThan(1);
    expect(p).toBeGreaterThan(0.7);
  });

  it('say a communication-bound host already fills the wire, so a 600 MHz IOP ties and a 200 MHz IOP loses', () => {
    const fast = evaluate(input(600, 0)).r;
    const slow = evaluate(input(200, 0)).r;
    console.log(`communication-bound: gain at 600 MHz ${fast.gain.toFixed(3)}, at 200 MHz ${slow.gain.toFixed(3)}`);
    expect(fast.hostFillsWire).toBe(true);
    expect(fast.gain).toBeCloseTo(1, 9);
    expect(slow.offloadLoses).toBe(true);
    expect(slow.gain).toBeLessThan(0.5);
  });

  it('say a CPU-bound host gains from a 600 MHz IOP, within the bound 1 + 1/γ', () => {
    const { r } = evaluate(input(600, 20));
    console.log(`CPU-bound (o = 20 cycles/B): gain ${r.gain.toFixed(3)}, bound ${r.gainBound.toFixed(3)}`);
    expect(r.gain).toBeGreaterThan(1.1);
    expect(r.gain).toBeLessThanOrEqual(r.gainBound);
  });

  it('fold the per-request application cost into o per byte of message', () => {
    const d = deriveLawsInputs({ ...input(600, 1), appCyclesPerRequest: 65_536 });
    expect(d.inputs.o).toBeCloseTo(2, 12);
  });
});
