import { describe, expect, it } from 'vitest';
import { parseSeed } from './seed';

describe('parseSeed', () => {
  it('accepts whole numbers from 0 to 2^32 - 1, with surrounding spaces', () => {
    expect(parseSeed(' 0 ')).toEqual({ ok: true, seed: 0 });
    expect(parseSeed('4294967295')).toEqual({ ok: true, seed: 4294967295 });
  });

  it('explains why empty, non-numeric, negative, fractional or too large text is refused', () => {
    expect(parseSeed('')).toMatchObject({ ok: false, error: expect.stringMatching(/Enter a seed/) });
    expect(parseSeed('abc')).toMatchObject({ ok: false, error: expect.stringMatching(/digits only/) });
    expect(parseSeed('-1')).toMatchObject({ ok: false });
    expect(parseSeed('1.5')).toMatchObject({ ok: false });
    expect(parseSeed('4294967296')).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });
});
