// The frame's bytes, 16 per row with offsets, the hovered field's bytes highlighted.
import type { ByteRange } from './DetailTree';

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

export function HexPane({ bytes, highlight }: { bytes: Uint8Array; highlight: ByteRange | null }) {
  const rows: number[] = [];
  for (let o = 0; o < bytes.length; o += 16) rows.push(o);
  const lit = (i: number) => highlight !== null && i >= highlight.offset && i < highlight.offset + highlight.length;
  return (
    <div className="insp-hex" data-testid="inspector.hex" aria-label="Bytes" role="region" tabIndex={0}>
      {rows.map((o) => (
        <div key={o} className="insp-hex-row">
          <span className="insp-hex-off">{o.toString(16).padStart(4, '0')}</span>
          {Array.from(bytes.subarray(o, o + 16), (b, j) => (
            <span key={j} className={lit(o + j) ? 'insp-byte insp-lit' : 'insp-byte'} data-testid={lit(o + j) ? 'inspector.byte.lit' : undefined}>{hex2(b)}</span>
          ))}
        </div>
      ))}
    </div>
  );
}
