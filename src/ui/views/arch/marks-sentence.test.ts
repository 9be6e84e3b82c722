// The sentence under the architecture legend says "grouped" only of marks that were
// grouped, and names the tokens drawn one by one as such.
import { describe, expect, it } from 'vitest';
import { marksSentence } from './token-painter';

describe('marksSentence', () => {
  it('says nothing is grouped when every token is drawn one by one', () => {
    const s = marksSentence(['native: 5 tokens (call, return)', 'offload: 3 tokens (call)']);
    expect(s).toBe('Drawn one by one: native: 5 tokens (call, return) · offload: 3 tokens (call).');
    expect(s).not.toContain('grouped');
  });

  it('names the grouped marks as grouped and the rest as drawn one by one', () => {
    const s = marksSentence(['×1947 frames at native wire', 'native: 2 tokens (dma)']);
    expect(s).toBe('Too many to follow one by one, so grouped: ×1947 frames at native wire. Drawn one by one: native: 2 tokens (dma).');
  });

  it('names at most eight groups and counts the others', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `×${i + 2} frames at native wire`);
    expect(marksSentence(lines)).toMatch(/· and 2 more groups\.$/);
  });

  it('says when no journey is in view', () => {
    expect(marksSentence([])).toBe('No journey in the last moments of simulated time.');
  });
});
