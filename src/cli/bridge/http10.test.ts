import { describe, expect, it } from 'vitest';
import { MAX_HEAD_BYTES, parseRequestHead, respondTo, responseHead } from './http10';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseRequestHead', () => {
  it('reads the request line of a complete head and where the head ends', () => {
    const b = enc('GET /file HTTP/1.1\r\nHost: 10.77.0.2\r\nUser-Agent: curl\r\n\r\nextra');
    const r = parseRequestHead(b, b.length);
    expect(r).toEqual({ kind: 'request', method: 'GET', target: '/file', version: 'HTTP/1.1', headLength: b.length - 5 });
  });

  it('waits for the blank line', () => {
    const b = enc('GET / HTTP/1.0\r\nHost: x\r\n');
    expect(parseRequestHead(b, b.length)).toEqual({ kind: 'incomplete' });
  });

  it('accepts bare LF line ends', () => {
    const b = enc('GET / HTTP/1.0\n\n');
    expect(parseRequestHead(b, b.length).kind).toBe('request');
  });

  it('rejects a malformed request line, a bad version and an endless head', () => {
    const a = enc('GET /\r\n\r\n');
    expect(parseRequestHead(a, a.length).kind).toBe('bad');
    const v = enc('GET / FTP/1.0\r\n\r\n');
    expect(parseRequestHead(v, v.length).kind).toBe('bad');
    const big = new Uint8Array(MAX_HEAD_BYTES).fill(0x41);
    expect(parseRequestHead(big, big.length).kind).toBe('bad');
  });
});

describe('responseHead and respondTo', () => {
  it('announces the body length and closes, as HTTP/1.0 does', () => {
    const text = new TextDecoder().decode(responseHead(200, 10_000_000));
    expect(text.startsWith('HTTP/1.0 200 OK\r\n')).toBe(true);
    expect(text).toContain('Content-Length: 10000000\r\n');
    expect(text.endsWith('Connection: close\r\n\r\n')).toBe(true);
  });

  it('serves the body to GET, only the head to HEAD, and 501 to other methods', () => {
    const req = (method: string) => ({ kind: 'request' as const, method, target: '/', version: 'HTTP/1.0', headLength: 0 });
    expect(respondTo(req('GET'), 5)).toEqual({ status: 200, bodyBytes: 5 });
    expect(respondTo(req('HEAD'), 5)).toEqual({ status: 200, bodyBytes: 0 });
    expect(respondTo(req('POST'), 5)).toEqual({ status: 501, bodyBytes: 0 });
  });
});
