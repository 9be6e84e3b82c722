import { describe, expect, it } from 'vitest';
import { formatCount, formatHz, formatPercent, formatSi } from './format';

describe('live panel formatting', () => {
  it('groups the thousands of counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });

  it('gives three significant digits with an SI prefix', () => {
    expect(formatSi(950)).toBe('950');
    expect(formatSi(12_345)).toBe('12.3 k');
    expect(formatSi(4_560_000)).toBe('4.56 M');
    expect(formatSi(1.2e9)).toBe('1.20 G');
    expect(formatSi(2.5)).toBe('2.50');
  });

  it('formats shares as percentages, with a decimal below 10%', () => {
    expect(formatPercent(0.534)).toBe('53%');
    expect(formatPercent(0.0412)).toBe('4.1%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });

  it('formats clock rates', () => {
    expect(formatHz(2e9)).toBe('2.00 GHz');
  });
});
