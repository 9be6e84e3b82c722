// The seed field's parser: text in, a seed or a readable reason out (never throws).
// Seeds are unsigned 32-bit integers, the range the worker protocol accepts.
export type SeedParse = { ok: true; seed: number } | { ok: false; error: string };

export const MAX_SEED = 0xffff_ffff;

export function parseSeed(text: string): SeedParse {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'Enter a seed: a whole number from 0 to 4294967295.' };
  if (!/^\d+$/.test(t)) return { ok: false, error: 'A seed is a whole number from 0 to 4294967295 (digits only).' };
  const seed = Number(t);
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED) return { ok: false, error: 'That seed is too large: the largest is 4294967295.' };
  return { ok: true, seed };
}
