// Test support: the size of what a root object keeps reachable, counted by
// walking its object graph (own data properties, array elements, Map and Set
// entries, typed-array bytes). Unlike heap statistics, the count does not move
// with the JIT, the garbage collector or the machine: it is a function of the
// model's state only, so a test can assert on it exactly.
//
// It sees what objects, arrays and collections hold; it cannot see inside
// closures (a function counts as one object). Getters are not called.

export interface Reachable {
  /** Distinct objects (plain objects, arrays, maps, sets, functions, typed arrays). */
  readonly objects: number;
  /** Array elements plus Map and Set entries. */
  readonly slots: number;
  /** Bytes in distinct ArrayBuffers behind the typed arrays and DataViews reached. */
  readonly bufferBytes: number;
}

export function reachable(root: unknown): Reachable {
  const seen = new Set<object>();
  const buffers = new Set<ArrayBufferLike>();
  const stack: unknown[] = [root];
  let slots = 0;
  let bufferBytes = 0;
  const push = (v: unknown): void => {
    if ((typeof v === 'object' && v !== null) || typeof v === 'function') stack.push(v);
  };
  while (stack.length > 0) {
    const v = stack.pop() as object;
    if (seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (!buffers.has(v.buffer)) {
        buffers.add(v.buffer);
        bufferBytes += v.buffer.byteLength;
      }
      continue;
    }
    if (Array.isArray(v)) {
      slots += v.length;
      for (const e of v) push(e);
    } else if (v instanceof Map) {
      slots += v.size;
      for (const [k, e] of v) {
        push(k);
        push(e);
      }
    } else if (v instanceof Set) {
      slots += v.size;
      for (const e of v) push(e);
    }
    if (!Array.isArray(v)) {
      for (const key of Object.getOwnPropertyNames(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key);
        if (d !== undefined && 'value' in d) push(d.value);
      }
    }
    push(Object.getPrototypeOf(v));
  }
  return { objects: seen.size, slots, bufferBytes };
}
