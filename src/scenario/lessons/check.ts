// Checks a student's answer against the step's own run: the correct choice is
// the one option whose `correctWhen` holds on the figures (exactly one must), a
// number is right within the stated tolerance of `answer.expr` evaluated on the
// figures. Nothing is hard-coded; the lesson states the expression.
import { evaluate, parseExpr } from './expr';
import type { Question } from './format';

export type Verdict =
  | { ok: true; correct: boolean; expected: string; expectedValue: number | null }
  | { ok: false; error: string };

function value(src: string, metrics: Readonly<Record<string, number>>): { ok: true; value: number } | { ok: false; error: string } {
  const p = parseExpr(src);
  return p.ok ? evaluate(p.expr, metrics) : { ok: false, error: p.error };
}

/** Index of the option that holds on this run, or an error when none or several do. */
export function correctOption(q: Extract<Question, { kind: 'choice' }>, metrics: Readonly<Record<string, number>>): { ok: true; index: number } | { ok: false; error: string } {
  const holds: number[] = [];
  for (const [i, o] of q.options.entries()) {
    const v = value(o.correctWhen, metrics);
    if (!v.ok) return { ok: false, error: `option ${i + 1}: ${v.error}` };
    if (v.value !== 0) holds.push(i);
  }
  if (holds.length !== 1) return { ok: false, error: `${holds.length} options hold on this run (exactly one must)` };
  return { ok: true, index: holds[0]! };
}

/** The figure a numeric question expects, on this run. */
export function expectedNumber(q: Extract<Question, { kind: 'number' }>, metrics: Readonly<Record<string, number>>): { ok: true; value: number } | { ok: false; error: string } {
  return value(q.answer.expr, metrics);
}

export function withinTolerance(q: Extract<Question, { kind: 'number' }>, expected: number, given: number): boolean {
  const { relative, absolute } = q.answer.tolerance;
  const err = Math.abs(given - expected);
  return (absolute !== undefined && err <= absolute) || (relative !== undefined && err <= relative * Math.abs(expected));
}

/** `answer` is the chosen option's index (choice) or the typed number (number). */
export function checkAnswer(q: Question, answer: number, metrics: Readonly<Record<string, number>>): Verdict {
  if (q.kind === 'choice') {
    const c = correctOption(q, metrics);
    if (!c.ok) return c;
    return { ok: true, correct: answer === c.index, expected: q.options[c.index]!.label, expectedValue: null };
  }
  const e = expectedNumber(q, metrics);
  if (!e.ok) return e;
  if (!Number.isFinite(answer)) return { ok: true, correct: false, expected: e.value.toFixed(q.answer.decimals), expectedValue: e.value };
  return { ok: true, correct: withinTolerance(q, e.value, answer), expected: `${e.value.toFixed(q.answer.decimals)}${q.unit ? ` ${q.unit}` : ''}`, expectedValue: e.value };
}

/** Evaluates a watch expression (a live counter the step points at). */
export function watchValue(src: string, metrics: Readonly<Record<string, number>>): number | null {
  const v = value(src, metrics);
  return v.ok ? v.value : null;
}
