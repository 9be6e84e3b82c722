// Test-only helpers for wire tests: narrow a parse result, and check that a
// result is a WireError naming a field under a protocol prefix.
import { expect } from 'vitest';
import { isWireError, type WireError } from '../types';

export function ok<T>(r: T | WireError): T {
  if (isWireError(r)) throw new Error(`expected a value, got WireError ${r.kind} ${r.field}: ${r.detail}`);
  return r;
}

export function expectWireError(r: unknown, field: string | RegExp, kind?: WireError['kind']): WireError {
  expect(isWireError(r), `expected a WireError naming ${String(field)}, got ${JSON.stringify(r)}`).toBe(true);
  const e = r as WireError;
  if (typeof field === 'string') expect(e.field).toBe(field);
  else expect(e.field).toMatch(field);
  if (kind !== undefined) expect(e.kind).toBe(kind);
  return e;
}

export function filledA5(n: number): Uint8Array {
  return new Uint8Array(n).fill(0xa5);
}
