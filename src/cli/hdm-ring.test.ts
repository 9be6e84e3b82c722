// The CLI reports the transmit backpressure counters: in the JSON record of
// every configuration (the transmit queue's peak and stopped waits; the card
// MAC ring's stops, wakes, peak and size) and as rows of the table, with the
// ring size taken from `--set inic.txDescriptors=...`.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';

function io() {
  const out: string[] = [];
  let clock = 0;
  const x: CliIo = {
    stdout: (t) => out.push(t), stderr: () => undefined, stderrIsTTY: false,
    readFile: () => {
      throw new Error('ENOENT: no such file');
    },
    writeFile: () => undefined,
    now: () => (clock += 1),
  };
  return { x, out: () => out.join('') };
}

// A 100 Mb/s wire: the IOP prepares frames faster than the MAC sends them, so a 16-descriptor ring fills.
const ARGS = ['--config', 'native,offload', '--duration', '12ms', '--set', 'warmupMs=2', '--set', 'wire.bandwidthMbps=100', '--set', 'inic.txDescriptors=16'];

describe('the CLI and the HDM ring', () => {
  it('puts the ring and transmit queue counters in the JSON record of each configuration', () => {
    const t = io();
    expect(runCli([...ARGS, '--json'], t.x)).toBe(0);
    const j = JSON.parse(t.out()) as { configurations: Record<string, number | string>[] };
    const [native, off] = j.configurations;
    console.log(JSON.stringify({ native: { q: native?.xmitPeakQueued }, off: [off?.hdmTxStops, off?.hdmTxWakes, off?.hdmTxPeakInUse, off?.hdmTxDescriptors, off?.xmitPeakQueued, off?.xmitStoppedWaits] }));
    for (const c of [native!, off!]) {
      for (const f of ['xmitPeakQueued', 'xmitStoppedWaits', 'hdmTxStops', 'hdmTxWakes', 'hdmTxPeakInUse', 'hdmTxDescriptors']) expect(c, f).toHaveProperty(f);
    }
    expect(off!.hdmTxDescriptors).toBe(16);
    expect(off!.hdmTxPeakInUse).toBe(16);
    expect(off!.hdmTxStops as number).toBeGreaterThan(0);
    expect(off!.xmitStoppedWaits as number).toBeGreaterThan(0);
    expect(native!.hdmTxDescriptors).toBe(0);
    expect(native!.xmitPeakQueued as number).toBeGreaterThan(0);
  }, 60_000);

  it('prints the counters as rows of the table, the ring only for offload', () => {
    const t = io();
    expect(runCli(ARGS, t.x)).toBe(0);
    const text = t.out();
    console.log(text);
    expect(text).toMatch(/xmit queue peak \/ stopped waits\s+\d+ \/ \d+\s+\d+ \/ [1-9]\d*/);
    expect(text).toMatch(/HDM tx ring stops \/ wakes\s+-\s+[1-9]\d* \/ [1-9]\d*/);
    expect(text).toMatch(/HDM tx ring peak in use\s+-\s+16 of 16/);
  }, 60_000);
});
