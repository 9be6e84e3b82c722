// The sha256 of a stretch of deterministic payload (src/net/payload.ts), so that
// what curl or nc wrote can be checked with `sha256sum` against a printed value.
import { createHash } from 'node:crypto';
import { fillPayload } from '../../net/payload';

/** sha256 (hex) of bytes [0, size) of payload connection `conn`, computed a MiB at a time. */
export function payloadSha256(conn: number, size: number): string {
  const h = createHash('sha256');
  const buf = new Uint8Array(1 << 20);
  for (let off = 0; off < size; off += buf.length) {
    const view = buf.subarray(0, Math.min(buf.length, size - off));
    fillPayload(conn, off, view);
    h.update(view);
  }
  return h.digest('hex');
}
