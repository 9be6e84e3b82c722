// The guided lesson, walked as a student would: every step from the first to the
// last, each question answered with the figure the model gives for the step's own
// scenario (computed here in node with the same code), checked right; one wrong
// answer is refused. A link opens a given step; a broken lesson file names the step
// and field. Screenshots go to reports/screenshots/.
import { expect, test } from '@playwright/test';
import article from '../public/lessons/article.json' with { type: 'json' };
import { correctOption, expectedNumber, parseLesson, runStep } from '../src/scenario/lessons';

const parsed = parseLesson(article);
if (!parsed.ok) throw new Error('the shipped lesson is invalid');
const lesson = parsed.lesson;

function answerFor(i: number): { kind: 'choice'; index: number } | { kind: 'number'; value: number } {
  const step = lesson.steps[i]!;
  const r = runStep(step.scenario);
  if (!r.ok) throw new Error(`step ${i + 1} does not run`);
  const q = step.question;
  if (q.kind === 'choice') {
    const c = correctOption(q, r.metrics);
    if (!c.ok) throw new Error(c.error);
    return { kind: 'choice', index: c.index };
  }
  const e = expectedNumber(q, r.metrics);
  if (!e.ok) throw new Error(e.error);
  return { kind: 'number', value: e.value };
}

test('a student walks the whole lesson from the first step to the last, answering each question', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./?lesson=article&step=1');
  const panel = page.getByTestId('lesson.panel');
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i]!;
    await expect(page.getByTestId('lesson.title')).toHaveText(step.title);
    await expect(page.getByTestId('lesson.position')).toHaveText(`Step ${i + 1} of ${lesson.steps.length}`);
    await expect(page).toHaveURL(new RegExp(`lesson=article&step=${i + 1}`));
    const a = answerFor(i);
    if (i === 0) {
      // A wrong answer first: the checker refuses it and shows the model's answer.
      if (a.kind === 'choice') await panel.getByTestId(`lesson.option.${(a.index + 1) % 2}`).check();
      await page.getByTestId('lesson.check').click();
      await expect(page.getByTestId('lesson.verdict.word')).toHaveText('✗ Not quite.');
    }
    if (a.kind === 'choice') await panel.getByTestId(`lesson.option.${a.index}`).check();
    else await page.getByTestId('lesson.number').fill(a.value.toFixed(3));
    await page.getByTestId('lesson.check').click();
    await expect(page.getByTestId('lesson.verdict.word')).toHaveText('✓ Correct.');
    if (i === 0 || i === 4 || i === 8) {
      await page.getByTestId('lesson.panel').getByTestId('lesson.config').locator('summary').click();
      await page.screenshot({ path: `reports/screenshots/lesson-step-${i + 1}.png`, fullPage: false });
    }
    if (i < lesson.steps.length - 1) await page.getByTestId('lesson.next').click();
  }
  await expect(page.getByTestId('lesson.next')).toBeDisabled();
});

test('a shared link opens the lesson at its step, and the step list and keys move between steps', async ({ page }) => {
  await page.goto('./?lesson=article&step=9');
  await expect(page.getByTestId('lesson.title')).toHaveText(lesson.steps[8]!.title);
  await page.getByTestId('lesson.panel').getByTestId('lesson.config').locator('summary').click();
  await expect(page.getByTestId('lesson.panel').getByTestId('lesson.config.changed')).toContainText('inic.iopClockMHz = 100');
  await page.getByTestId('lesson.step.2').click();
  await expect(page.getByTestId('lesson.title')).toHaveText(lesson.steps[1]!.title);
  // The step's layers are outlined in the architecture view (dashed: a shape, not only a colour).
  await expect(page.locator('html')).toHaveAttribute('data-lesson-layers', /\bosm\b/);
  // The step names its layers as the boxes are labelled, not by internal ids ('osm', 'pci').
  await expect(page.getByTestId('lesson.layers')).toContainText('Socket OSM');
  await expect(page.getByTestId('lesson.layers')).not.toContainText(/\bosm\b/);
  // Its link brings the architecture view (tab and boxes) into sight from a full-screen lesson.
  await page.getByTestId('views.tab.sequence').click();
  await page.getByTestId('lesson.toViews').click();
  await expect(page.getByTestId('views.tab.architecture')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('diagram.offload.layer.osm')).toBeInViewport();
  const osm = page.getByTestId('diagram.offload.layer.osm').locator('rect').first();
  await expect.poll(() => osm.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
  const app = page.getByTestId('diagram.offload.layer.app').locator('rect').first();
  expect(await app.evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none');
  await page.getByTestId('lesson.step.2').focus();
  await page.keyboard.press(']');
  await expect(page.getByTestId('lesson.title')).toHaveText(lesson.steps[2]!.title);
  await page.keyboard.press('[');
  await expect(page.getByTestId('lesson.title')).toHaveText(lesson.steps[1]!.title);
  await page.getByTestId('lesson.close').click();
  await expect(page.getByTestId('lesson.panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
});

test('a lesson file with an error shows which step and field is wrong', async ({ page }) => {
  const broken = structuredClone(article) as { steps: { question: { answer?: { expr: string } } }[] };
  broken.steps[2]!.question.answer!.expr = 'offload.hostCpu * 100';
  await page.route('**/lessons/broken.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
  await page.goto('./?lesson=broken&step=1');
  await expect(page.getByTestId('lesson.errors')).toContainText(`step 3 ("The socket class"): question.answer.expr: unknown metric 'hostCpu'`);
});
