import { describe, expect, it } from 'vitest';
import { evaluate, parseExpr, references } from './expr';
import { checkAnswer } from './check';
import type { Question } from './format';

const m = { 'native.hostCpuUtil': 0.4, 'offload.hostCpuUtil': 0.1, 'offload.laws.alpha': 5 };
const val = (s: string) => { const p = parseExpr(s); return p.ok ? evaluate(p.expr, m) : p; };

describe('lesson expressions', () => {
  it('follow arithmetic precedence and compare to 1 or 0', () => {
    expect(val('(native.hostCpuUtil - offload.hostCpuUtil) * 100')).toEqual({ ok: true, value: expect.closeTo(30, 9) as number });
    expect(val('1 + 2 * 3')).toEqual({ ok: true, value: 7 });
    expect(val('offload.hostCpuUtil < native.hostCpuUtil && !(offload.laws.alpha > 10)')).toEqual({ ok: true, value: 1 });
    expect(val('max(1, abs(-4), min(9, 3))')).toEqual({ ok: true, value: 4 });
  });
  it('list the metrics they read', () => {
    const p = parseExpr('native.hostCpuUtil / max(offload.hostCpuUtil, 1)');
    expect(p.ok && references(p.expr)).toEqual(['native.hostCpuUtil', 'offload.hostCpuUtil']);
  });
  it('return errors for bad syntax, missing metrics and division by zero', () => {
    expect(parseExpr('1 +').ok).toBe(false);
    expect(parseExpr('1 $ 2')).toMatchObject({ ok: false });
    expect(val('native.nothing')).toEqual({ ok: false, error: "the run has no metric 'native.nothing'" });
    expect(val('1 / 0')).toMatchObject({ ok: false });
  });
  it('check a numeric answer within its tolerance only', () => {
    const q = { kind: 'number', prompt: 'p', unit: 'points', explain: 'e', answer: { expr: '(native.hostCpuUtil - offload.hostCpuUtil) * 100', tolerance: { absolute: 2 }, decimals: 1 } } as const;
    expect(checkAnswer(q, 31.5, m)).toMatchObject({ ok: true, correct: true, expected: '30.0 points' });
    expect(checkAnswer(q, 33, m)).toMatchObject({ ok: true, correct: false });
  });
  it('refuse a choice question where no option or several hold', () => {
    const q: Question = { kind: 'choice', prompt: 'p', explain: 'e', options: [{ label: 'a', correctWhen: 'offload.laws.alpha > 1' }, { label: 'b', correctWhen: 'offload.laws.alpha > 2' }] };
    expect(checkAnswer(q, 0, m)).toEqual({ ok: false, error: '2 options hold on this run (exactly one must)' });
  });
});
