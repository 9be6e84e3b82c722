// The legend of the token marks and of the box tints. Memoized: it never changes, so the
// architecture view's redraws skip it.
import { memo } from 'react';
import { LEGEND_KINDS, legendStyle, markPath } from './marks';

export const Legend = memo(function Legend() {
  return (
    <div className="arch-legend" data-testid="diagram.legend">
      <h3>What moves</h3>
      <ul>
        {LEGEND_KINDS.map((k) => {
          const s = legendStyle(k);
          const stroke = s.shape === 'ring' || s.shape === 'cross';
          return (
            <li key={k}>
              <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
                <path d={markPath(s.shape, 4.5)} fill={stroke ? 'none' : s.color} stroke={s.color} strokeWidth={stroke ? 2 : 0} />
              </svg>
              {s.legend}
            </li>
          );
        })}
      </ul>
      <h3>Who pays</h3>
      <ul>
        <li><span className="swatch" style={{ background: 'rgba(0,114,178,0.45)' }} /> host CPU</li>
        <li><span className="swatch" style={{ background: 'rgba(230,159,0,0.45)' }} /> IOP (the card&apos;s processor)</li>
        <li className="arch-note" data-testid="diagram.legend.cycles">Each box: crossings into it (from the trace) · cycles the processor spent on this layer&apos;s work, from its accounting by cost category (the CPU charts&apos; figures; a processor&apos;s boxes add up to its total). Deeper tint: more of that processor&apos;s cycles. The NIC, bus, wire and peer have no processor and show no cycles.</li>
      </ul>
    </div>
  );
});
