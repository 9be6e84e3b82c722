import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fillPayload } from '../../net/payload';
import { payloadSha256 } from './payload-digest';

describe('payloadSha256', () => {
  it('equals the sha256 of the payload bytes made in one piece, across MiB boundaries', () => {
    const size = (1 << 20) * 2 + 12345;
    const all = new Uint8Array(size);
    fillPayload(3, 0, all);
    expect(payloadSha256(3, size)).toBe(createHash('sha256').update(all).digest('hex'));
  });

  it('differs between connections and is the empty digest for no bytes', () => {
    expect(payloadSha256(1, 1000)).not.toBe(payloadSha256(2, 1000));
    expect(payloadSha256(1, 0)).toBe(createHash('sha256').digest('hex'));
  });
});
