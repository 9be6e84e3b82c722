// A small, safe expression language for lesson answers (no eval): numbers,
// metric references written `configuration.field[.sub]` (e.g.
// `offload.hostCpuUtil`, `native.hostUtilByCategory.copy`, `offload.laws.alpha`),
// + - * /, comparisons (< <= > >= == !=), && || !, parentheses and the functions
// abs, min, max. Comparisons and logic give 1 or 0. Parsing returns a typed
// error naming the position; nothing here throws on bad input.

export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'ref'; readonly name: string }
  | { readonly k: 'un'; readonly op: '-' | '!'; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'call'; readonly fn: 'abs' | 'min' | 'max'; readonly args: readonly Expr[] };

export type ExprParse = { ok: true; expr: Expr } | { ok: false; error: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)|(<=|>=|==|!=|&&|\|\||[-+*/<>()!,]))/y;

interface Tok { readonly t: 'num' | 'id' | 'op'; readonly s: string; readonly at: number }

function tokenize(src: string): Tok[] | string {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) return `unexpected '${src.slice(i).trim().slice(0, 12)}' at ${i}`;
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (m[1] !== undefined) out.push({ t: 'num', s: m[1], at });
    else if (m[2] !== undefined) out.push({ t: 'id', s: m[2], at });
    else out.push({ t: 'op', s: m[3]!, at });
    i = TOKEN.lastIndex;
  }
  return out;
}

const LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['<', '<=', '>', '>=', '==', '!='], ['+', '-'], ['*', '/']];
const FUNCS = new Set(['abs', 'min', 'max']);

export function parseExpr(src: string): ExprParse {
  const toks = tokenize(src);
  if (typeof toks === 'string') return { ok: false, error: toks };
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const fail = (what: string): never => { throw new ExprError(what); };
  const expect = (s: string): void => {
    const t = peek();
    if (t?.s !== s) fail(`expected '${s}' ${t ? `at ${t.at}` : 'at the end'}`);
    p++;
  };
  const level = (n: number): Expr => {
    if (n >= LEVELS.length) return unary();
    let a = level(n + 1);
    for (;;) {
      const t = peek();
      if (t?.t !== 'op' || !LEVELS[n]!.includes(t.s)) return a;
      p++;
      a = { k: 'bin', op: t.s, a, b: level(n + 1) };
    }
  };
  const unary = (): Expr => {
    const t = peek();
    if (t?.t === 'op' && (t.s === '-' || t.s === '!')) { p++; return { k: 'un', op: t.s, a: unary() }; }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (!t) return fail('expression ends too early');
    p++;
    if (t.t === 'num') return { k: 'num', v: Number(t.s) };
    if (t.t === 'id') {
      if (FUNCS.has(t.s) && peek()?.s === '(') {
        p++;
        const args = [level(0)];
        while (peek()?.s === ',') { p++; args.push(level(0)); }
        expect(')');
        return { k: 'call', fn: t.s as 'abs' | 'min' | 'max', args };
      }
      return { k: 'ref', name: t.s };
    }
    if (t.s === '(') { const e = level(0); expect(')'); return e; }
    return fail(`unexpected '${t.s}' at ${t.at}`);
  };
  try {
    const expr = level(0);
    const rest = peek();
    if (rest) return { ok: false, error: `unexpected '${rest.s}' at ${rest.at}` };
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ExprError) return { ok: false, error: e.message };
    throw e;
  }
}

class ExprError extends Error {}

/** Every metric name the expression reads. */
export function references(e: Expr): string[] {
  switch (e.k) {
    case 'num': return [];
    case 'ref': return [e.name];
    case 'un': return references(e.a);
    case 'bin': return [...references(e.a), ...references(e.b)];
    case 'call': return e.args.flatMap(references);
  }
}

export type Evaluated = { ok: true; value: number } | { ok: false; error: string };

/** Evaluates against flat metrics (`name` → number); a missing metric is an error. */
export function evaluate(e: Expr, metrics: Readonly<Record<string, number>>): Evaluated {
  const go = (x: Expr): number => {
    switch (x.k) {
      case 'num': return x.v;
      case 'ref': {
        const v = metrics[x.name];
        if (v === undefined) throw new ExprError(`the run has no metric '${x.name}'`);
        return v;
      }
      case 'un': return x.op === '-' ? -go(x.a) : go(x.a) ? 0 : 1;
      case 'call': {
        const v = x.args.map(go);
        return x.fn === 'abs' ? Math.abs(v[0]!) : x.fn === 'min' ? Math.min(...v) : Math.max(...v);
      }
      case 'bin': {
        const a = go(x.a);
        if (x.op === '&&') return a ? (go(x.b) ? 1 : 0) : 0;
        if (x.op === '||') return a ? 1 : go(x.b) ? 1 : 0;
        const b = go(x.b);
        switch (x.op) {
          case '+': return a + b;
          case '-': return a - b;
          case '*': return a * b;
          case '/': return a / b;
          case '<': return a < b ? 1 : 0;
          case '<=': return a <= b ? 1 : 0;
          case '>': return a > b ? 1 : 0;
          case '>=': return a >= b ? 1 : 0;
          case '==': return a === b ? 1 : 0;
          default: return a !== b ? 1 : 0;
        }
      }
    }
  };
  try {
    const value = go(e);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: 'the expression is not a finite number on this run' };
  } catch (err) {
    if (err instanceof ExprError) return { ok: false, error: err.message };
    throw err;
  }
}
