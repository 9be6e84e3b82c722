// The golden table (issue 4): goodput and host cycles per byte for every
// configuration x message size x loss rate of a short bulk run on the
// 2002-gigabit preset, as normalised text (3 significant digits), so that any
// change to the model shows as a reviewable diff of golden-table.txt.
import type { Configuration } from '../schema';
import { runConfigs, scenarioOf } from './testing';

export const GOLDEN_CONFIGURATIONS: readonly Configuration[] = ['native', 'stateless', 'offload'];
export const GOLDEN_SIZES: readonly number[] = [1460, 65536];
export const GOLDEN_LOSS: readonly number[] = [0, 0.01];

const sig = (v: number): string => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '-');

export function goldenTable(): string {
  const lines = [
    '# golden table: 2002-gigabit, bulk send, 1 connection, seed 1, 20 ms (5 ms warmup)',
    '# configuration  message_B  loss  goodput_Mbps  host_cycles_per_B  integrity',
  ];
  for (const size of GOLDEN_SIZES) {
    for (const loss of GOLDEN_LOSS) {
      const faults = loss > 0 ? ['faults.wire.loss.model=independent', `faults.wire.loss.rate=${loss}`] : [];
      const s = scenarioOf('2002-gigabit', ['seed=1', 'warmupMs=5', 'durationMs=20', `workload.messageBytes=${size}`, ...faults]);
      const r = runConfigs(s, GOLDEN_CONFIGURATIONS);
      for (const c of GOLDEN_CONFIGURATIONS) {
        const x = r[c]!;
        lines.push([c.padEnd(9), String(size).padStart(6), String(loss).padStart(5), sig(x.goodputBps / 1e6).padStart(8), sig(x.cyclesPerByte).padStart(7), x.integrityOk ? 'ok' : 'BAD'].join('  '));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
