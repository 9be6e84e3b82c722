import { describe, expect, it } from 'vitest';
import article from '../../../public/lessons/article.json' with { type: 'json' };
import { formatLessonError, parseLesson } from './format';

const clone = (): { steps: Record<string, unknown>[] } & Record<string, unknown> => structuredClone(article) as never;

describe('lesson validation', () => {
  it('names the step, its title and the field of an unknown metric', () => {
    const l = clone();
    (l.steps[2] as { question: { answer: { expr: string } } }).question.answer.expr = 'offload.hostCpu * 100';
    const r = parseLesson(l);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => formatLessonError(e, l))).toEqual([
      `step 3 ("The socket class"): question.answer.expr: unknown metric 'hostCpu'`,
    ]);
  });

  it('names the step and field of a schema error', () => {
    const l = clone();
    (l.steps[4] as { scenario: { configurations: unknown } }).scenario.configurations = ['native', 'turbo'];
    const r = parseLesson(l);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatLessonError(r.errors[0]!, l)).toMatch(/^step 5 \("Memory management: four goals, four counters"\): scenario\.configurations\.1: /);
  });

  it('refuses a metric of a configuration the step does not run', () => {
    const l = clone();
    (l.steps[0] as { watch: { expr: string }[] }).watch[0]!.expr = 'offload.hostCpuUtil';
    const r = parseLesson(l);
    expect(r.ok ? [] : r.errors).toEqual([{ step: 1, path: 'watch.0.expr', message: "metric 'offload.hostCpuUtil' needs configuration 'offload', which the step does not run" }]);
  });

  it('reports an expression that does not parse with its position', () => {
    const l = clone();
    (l.steps[1] as { question: { options: { correctWhen: string }[] } }).question.options[0]!.correctWhen = 'offload.iopUtil >';
    const r = parseLesson(l);
    expect(r.ok ? [] : r.errors.map((e) => [e.step, e.path])).toEqual([[2, 'question.options.0.correctWhen']]);
  });

  it('reports the lesson\'s own fields without a step', () => {
    const r = parseLesson({ id: 'Bad Id', title: 'x', summary: 'y', steps: [] });
    expect(r.ok ? [] : r.errors.map((e) => formatLessonError(e))).toEqual([
      'id: lowercase letters, digits and dashes',
      'steps: at least one step',
    ]);
  });
});
