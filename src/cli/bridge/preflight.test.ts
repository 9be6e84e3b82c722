import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeMissing, missingRequirements } from './preflight';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('missingRequirements', () => {
  it('names each missing tool with the package that provides it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'offlab-path-'));
    process.env.PATH = empty;
    try {
      const message = describeMissing(missingRequirements(true));
      expect(message).toContain('socat not found: apt-get install socat');
      expect(message).toContain('curl not found: apt-get install curl');
      expect(message).toContain('nc not found: apt-get install netcat-openbsd');
      expect(message).toContain('ip not found: apt-get install iproute2');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('asks the interop tests for curl and nc but not the bridge itself', () => {
    const empty = mkdtempSync(join(tmpdir(), 'offlab-path-'));
    process.env.PATH = empty;
    try {
      const message = describeMissing(missingRequirements(false));
      expect(message).toContain('socat not found');
      expect(message).not.toContain('curl');
      expect(message).not.toContain('netcat');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
