// The shipped lesson (public/lessons/article.json) is valid, and every step's
// question is answerable on its own run: the checker accepts the answer the
// model's figures give and rejects a wrong one.
import { describe, expect, it } from 'vitest';
import article from '../../../public/lessons/article.json' with { type: 'json' };
import { checkAnswer, correctOption, expectedNumber, parseLesson, runStep, watchValue } from './index';

const parsed = parseLesson(article);

describe('the shipped article lesson', () => {
  it('is a valid lesson of 8 to 12 steps', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(parsed.lesson.steps.length).toBeGreaterThanOrEqual(8);
    if (parsed.ok) expect(parsed.lesson.steps.length).toBeLessThanOrEqual(12);
  });

  const steps = parsed.ok ? parsed.lesson.steps : [];
  it.each(steps.map((s, i) => [i + 1, s.title, s] as const))('step %i (%s) accepts the computed answer and rejects a wrong one', (_n, _t, step) => {
    const run = runStep(step.scenario);
    expect(run.ok ? [] : run.errors).toEqual([]);
    if (!run.ok) return;
    for (const w of step.watch) expect(watchValue(w.expr, run.metrics)).not.toBeNull();
    const q = step.question;
    if (q.kind === 'choice') {
      const c = correctOption(q, run.metrics);
      expect(c.ok ? null : c.error).toBeNull();
      if (!c.ok) return;
      expect(checkAnswer(q, c.index, run.metrics)).toMatchObject({ ok: true, correct: true });
      expect(checkAnswer(q, (c.index + 1) % q.options.length, run.metrics)).toMatchObject({ ok: true, correct: false });
    } else {
      const e = expectedNumber(q, run.metrics);
      expect(e.ok).toBe(true);
      if (!e.ok) return;
      expect(checkAnswer(q, e.value, run.metrics)).toMatchObject({ ok: true, correct: true });
      expect(checkAnswer(q, e.value * 3 + 10, run.metrics)).toMatchObject({ ok: true, correct: false });
    }
  }, 20_000);
});
