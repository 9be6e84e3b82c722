import { describe, expect, it } from 'vitest';
import { parseArgs, parseSize } from './args';

describe('parseSize', () => {
  it('reads decimal and binary units', () => {
    expect(parseSize('10MB')).toBe(10_000_000);
    expect(parseSize('4MiB')).toBe(4 * 1024 * 1024);
    expect(parseSize('1500')).toBe(1500);
    expect(parseSize('2k')).toBe(2000);
    expect(parseSize('1.5KB')).toBe(1500);
  });

  it('returns a message for sizes it cannot read', () => {
    expect(typeof parseSize('ten')).toBe('string');
    expect(typeof parseSize('10XB')).toBe('string');
    expect(typeof parseSize('-1')).toBe('string');
  });
});

describe('parseArgs', () => {
  it('reads a server command with its size', () => {
    expect(parseArgs(['--serve-http', '8080', '--size', '10MB'])).toEqual({
      mode: { kind: 'serve-http', port: 8080, once: false }, size: 10_000_000, netem: [], seed: 1,
    });
  });

  it('reads a sender command with netem parameters', () => {
    expect(parseArgs(['--send-to', '10.77.0.1:9000', '--size', '1MiB', '--netem', 'loss 1%  reorder 25% delay 1ms'])).toEqual({
      mode: { kind: 'send-to', addr: '10.77.0.1', port: 9000, waitSeconds: 120 },
      size: 1048576,
      netem: ['loss', '1%', 'reorder', '25%', 'delay', '1ms'],
      seed: 1,
    });
  });

  it('refuses a destination outside the namespace\'s subnet', () => {
    expect(parseArgs(['--send-to', '8.8.8.8:53'])).toMatch(/10\.77\.0\.0\/24/);
    expect(parseArgs(['--send-to', '127.0.0.1:9000'])).toMatch(/10\.77\.0\.0\/24/);
    expect(parseArgs(['--send-to', '10.77.0.2:9000'])).toMatch(/10\.77\.0\.0\/24/);
  });

  it('wants exactly one mode', () => {
    expect(typeof parseArgs([])).toBe('string');
    expect(typeof parseArgs(['--serve-http', '80', '--send-to', '10.77.0.1:9'])).toBe('string');
  });

  it('names an unknown argument or a bad port', () => {
    expect(parseArgs(['--serve-http', '8080', '--frobnicate'])).toMatch(/--frobnicate/);
    expect(parseArgs(['--serve-http', '70000'])).toMatch(/port/);
  });
});
