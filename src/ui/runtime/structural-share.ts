// Structural sharing for what the frame clock publishes to the store: the new live summary
// takes back every part of the previous one that is equal in value, so a selector over a
// figure that did not change returns the same value (or the same object) and its component
// does not re-render; when nothing changed at all the previous summary itself comes back
// and nothing is published.
//
// Contract: `shareEqual(prev, next)` returns a value deeply equal to `next`; every
// sub-object (plain object or array) of the result that is deeply equal to the one at the
// same path in `prev` IS that object of `prev`; the result is `prev` exactly when the two
// are deeply equal. Numbers compare with Object.is (NaN equals NaN, so a figure that stays
// NaN is unchanged). Values other than plain objects and arrays compare by identity.
// Neither argument is modified.

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function shareEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((v: unknown, i) => {
      const s = i < prev.length ? shareEqual(prev[i] as unknown, v) : v;
      if (s !== prev[i]) same = false;
      return s;
    });
    return (same ? prev : out) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const prevKeys = Object.keys(prev);
    const nextKeys = Object.keys(next);
    let same = prevKeys.length === nextKeys.length;
    const out: Record<string, unknown> = {};
    for (const k of nextKeys) {
      const s = Object.hasOwn(prev, k) ? shareEqual(prev[k], next[k]) : next[k];
      if (!Object.hasOwn(prev, k) || s !== prev[k]) same = false;
      // defineProperty, not assignment: a key named __proto__ stays a plain key.
      Object.defineProperty(out, k, { value: s, enumerable: true, writable: true, configurable: true });
    }
    return (same ? prev : out) as T;
  }
  return next;
}
