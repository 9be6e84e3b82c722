// Frame times of the lab's views with the animation on and the model at full speed
// (issue 5, Performance: at least 50 frames per second in headless Chromium). Builds the
// app when dist/ is missing, serves it, opens it in headless Chromium (playwright-core
// with the executable scripts/find-chromium.mjs finds), starts the network model, plays
// it at full speed and collects requestAnimationFrame timestamps for MEASURE_MS per view.
// Reports the median and 95th percentile frame interval (ms) per view.
//
// Measured here (headless Chromium 156, software rendering capped at 60 fps, 2 cores
// shared with other jobs, load average ~6): median 16.7 ms (60 fps) in each view; p95
// 16.7 ms (architecture, sequence) and 33 ms (inspector) on a quiet run, up to 50-67 ms on
// a busy one. The charts panel below the views costs frames when it is on screen, so the
// views fill the first screen and the charts start below the fold.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without type declarations
import { findChromium } from '../scripts/find-chromium.mjs';
import { startStaticServer } from '../e2e/support/static-server.mjs';
import { median, percentile, type BenchRow } from './lib';

const MEASURE_MS = Number(process.env.FRAMES_BENCH_MS ?? 4000);

// Passed as source text: tsx's transform would wrap a function with helpers the page lacks.
async function frameIntervals(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const ts = [];
    const tick = (t) => {
      ts.push(t);
      if (t - ts[0] < ${ms}) requestAnimationFrame(tick);
      else resolve(ts.slice(1).map((x, i) => x - ts[i]));
    };
    requestAnimationFrame(tick);
  })`);
}

export default async function framesBench(): Promise<BenchRow[]> {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = await startStaticServer({ root: 'dist', prefix: '/' });
  const found = findChromium() as { path: string | undefined } | null;
  const browser = await chromium.launch({ executablePath: found?.path, args: ['--disable-gpu', '--disable-quic', '--no-first-run'] });
  const rows: BenchRow[] = [];
  try {
    for (const view of (process.env.FRAMES_BENCH_VIEWS ?? 'architecture,sequence,inspector').split(',') as ('architecture' | 'sequence' | 'inspector')[]) {
      // A new page per scene (TOOLCHAIN.md).
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(server.url);
      process.stderr.write(`frames: ${view}\n`);
      await page.getByTestId('time.start').click();
      await page.getByTestId('diagram').waitFor();
      await page.getByTestId(`views.tab.${view}`).click();
      await page.getByTestId('time.play').click();
      await page.waitForTimeout(2000);
      const dts = await frameIntervals(page, MEASURE_MS);
      const events = await page.evaluate('window.__offloadLab.snapshot().eventsProcessed') as number;
      await page.close();
      const med = median(dts);
      rows.push({
        name: `frames: ${view} view, model at full speed (ms per frame)`,
        median: Number(med.toFixed(2)),
        unit: 'ms',
        p10: Number(percentile(dts, 0.1).toFixed(2)),
        p90: Number(percentile(dts, 0.9).toFixed(2)),
        runs: dts.length,
        notes: `p95 ${percentile(dts, 0.95).toFixed(2)} ms; ${(1000 / med).toFixed(1)} fps at the median; ${dts.length} frames; ${events} model events by the end`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
