import { describe, expect, it } from 'vitest';
import { seq } from '../wire/seq';
import { Assembler } from './assembler';

const s = seq;
const blocks = () => [0, 1, 2, 3].map(() => ({ left: s(0), right: s(0) }));

describe('Assembler', () => {
  it('merges overlapping and touching ranges', () => {
    const a = new Assembler();
    a.add(s(100), s(200));
    a.add(s(300), s(400));
    a.add(s(200), s(300));
    expect(a.rangeCount).toBe(1);
    expect(a.rangeAt(0)).toEqual({ left: 100, right: 400 });
  });

  it('advances RCV.NXT through the ranges it reaches', () => {
    const a = new Assembler();
    a.add(s(100), s(200));
    a.add(s(300), s(400));
    expect(a.advance(s(50))).toBe(50);
    expect(a.advance(s(150))).toBe(200);
    expect(a.rangeCount).toBe(1);
    expect(a.advance(s(300))).toBe(400);
    expect(a.isEmpty).toBe(true);
  });

  it('refuses a new range when the hole list is full', () => {
    const a = new Assembler(2);
    expect(a.add(s(10), s(20))).toBe(true);
    expect(a.add(s(30), s(40))).toBe(true);
    expect(a.add(s(50), s(60))).toBe(false);
    // Merging into an existing range still works.
    expect(a.add(s(40), s(45))).toBe(true);
    expect(a.rangeCount).toBe(2);
  });

  it('works across sequence-number wrap-around', () => {
    const a = new Assembler();
    a.add(s(0xffff_fff0), s(0x10));
    a.add(s(0x10), s(0x20));
    expect(a.rangeAt(0)).toEqual({ left: 0xffff_fff0, right: 0x20 });
    expect(a.advance(s(0xffff_ff00))).toBe(0xffff_ff00);
    expect(a.advance(s(0xffff_fff0))).toBe(0x20);
  });

  it('lists SACK blocks most recently touched first (RFC 2018 4)', () => {
    const a = new Assembler();
    a.add(s(100), s(200));
    a.add(s(300), s(400));
    a.add(s(500), s(600));
    a.add(s(350), s(450));
    const out = blocks();
    expect(a.sackBlocks(out, 3)).toBe(3);
    expect(out.slice(0, 3)).toEqual([
      { left: 300, right: 450 },
      { left: 500, right: 600 },
      { left: 100, right: 200 },
    ]);
  });
});
