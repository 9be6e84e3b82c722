import { describe, expect, it } from 'vitest';
import type { LawsSweepPoint } from '../../scenario/schema';
import { heatmapCells, seriesOf, sweepLinePlot } from './sweep-plot';
import { pointGain, type SweepPointSummary } from './sweep-types';

function point(index: number, x: number, native: number, offload: number, resolutionMbps = 0): SweepPointSummary {
  const fig = (configuration: 'native' | 'offload', goodputMbps: number) => ({
    configuration, goodputMbps, hostCpuPercent: 50, iopPercent: 0, cyclesPerByte: 2, serviceDemandUsPerKB: 1,
    goodputResolutionMbps: resolutionMbps,
  });
  return { index, coords: [index], values: { 'inic.iopClockMHz': x }, configs: [fig('native', native), fig('offload', offload)] };
}

const laws = (gain: number): LawsSweepPoint => ({ x: 0, gain, gainBound: 3, tightGainBound: 2, offloadLoses: gain < 1, limitAfter: 'nic' });

describe('sweep plots', () => {
  it('reads a simulated gain within one segment per window of 1 as a tie, so a wire-limited offload crosses there', () => {
    // Offload delivers one segment fewer than native in the window at 500 and 600: a tie
    // within the measurement's resolution (0.6 Mb/s each), not a loss.
    const xs = [300, 400, 500, 600];
    const pts = [point(0, 300, 941.4, 670, 0.6), point(1, 400, 941.4, 868, 0.6), point(2, 500, 941.4, 940.8, 0.6), point(3, 600, 941.4, 940.8, 0.6)];
    const sim = sweepLinePlot(xs, pts, 'gain', null, 400, 200).crossovers.filter((c) => c.source === 'simulated');
    expect(sim.map((c) => [c.x, c.direction])).toEqual([[500, 'gains']]);
    // Without a resolution the same numbers never reach 1.
    const exact = [point(0, 300, 941.4, 670), point(1, 400, 941.4, 868), point(2, 500, 941.4, 940.8), point(3, 600, 941.4, 940.8)];
    expect(sweepLinePlot(xs, exact, 'gain', null, 400, 200).crossovers).toEqual([]);
  });

  it('takes the gain as offload goodput over native goodput', () => {
    expect(pointGain(point(0, 1, 800, 400))).toBe(0.5);
    expect(pointGain({ ...point(0, 1, 0, 400) })).toBeNaN();
  });

  it('leaves points not yet done as gaps', () => {
    const s = seriesOf([point(0, 100, 900, 450), undefined, point(2, 300, 900, 900)], 'gain');
    expect(s[0]!.ys[0]).toBe(0.5);
    expect(s[0]!.ys[1]).toBeNaN();
    const g = seriesOf([point(0, 100, 900, 450)], 'goodputMbps');
    expect(g.map((x) => x.key)).toEqual(['native', 'offload']);
  });

  it('draws the LAWS gain and bound over the simulated gain and marks where each crosses 1', () => {
    const xs = [100, 200, 300, 400];
    const pts = [point(0, 100, 900, 450), point(1, 200, 900, 810), point(2, 300, 900, 990), point(3, 400, 900, 990)];
    const plot = sweepLinePlot(xs, pts, 'gain', [laws(0.6), laws(0.9), laws(1.1), laws(1.2)], 400, 200);
    expect(plot.lines.map((l) => l.key)).toEqual(['simulated gain', 'LAWS gain', 'LAWS bound']);
    expect(plot.lines[1]!.dashed).toBe(true);
    // Simulated: 0.9 at 200, 1.1 at 300 -> crosses at 250; LAWS the same.
    const sim = plot.crossovers.find((c) => c.source === 'simulated')!;
    expect(sim.x).toBeCloseTo(250);
    expect(sim.direction).toBe('gains');
    expect(sim.px).toBeCloseTo(200);
    expect(plot.crossovers.find((c) => c.source === 'laws')!.x).toBeCloseTo(250);
    expect(plot.unityY).toBeCloseTo(plot.y(1));
  });

  it('marks where offload starts to lose as the parameter grows', () => {
    const xs = [1, 2];
    const plot = sweepLinePlot(xs, [point(0, 1, 100, 120), point(1, 2, 100, 80)], 'gain', null, 100, 100);
    expect(plot.crossovers).toHaveLength(1);
    expect(plot.crossovers[0]!.direction).toBe('loses');
    expect(plot.crossovers[0]!.x).toBeCloseTo(1.5);
  });

  it('lays a 2-D sweep out as cells, first axis across, second up, coloured around gain 1', () => {
    const a = [1, 2];
    const b = [10, 20, 30];
    const pts = [0, 1, 2, 3, 4, 5].map((i) => point(i, i, 100, i === 5 ? 200 : 50 + i * 10));
    const { cells, domain } = heatmapCells(a, b, pts, pointGain, true, 200, 300);
    expect(cells).toHaveLength(6);
    expect(cells[0]).toMatchObject({ x: 0, y: 200, w: 100, h: 100, vx: 1, vy: 10 });
    expect(cells[5]).toMatchObject({ x: 100, y: 0, vx: 2, vy: 30, value: 2 });
    expect(domain[0]).toBeCloseTo(0.5);
    expect(domain[1]).toBeCloseTo(2);
    expect(cells[0]!.color).not.toBe(cells[5]!.color);
  });
});

describe('heatmap colours', () => {
  it('colours a loss orange and a gain purple', () => {
    const mk = (g: number, i: number) => point(i, i, 100, 100 * g);
    const { cells } = heatmapCells([1, 2], [1], [mk(0.5, 0), mk(2, 1)], pointGain, true, 100, 100);
    const rgb = (c: string) => c.match(/\d+/g)!.map(Number);
    const [r0, , b0] = rgb(cells[0]!.color);
    const [r1, , b1] = rgb(cells[1]!.color);
    expect(r0).toBeGreaterThan(b0!);
    expect(b1).toBeGreaterThan(r1!);
  });
});
