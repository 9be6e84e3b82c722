// A/B: a second scenario to run beside the current one on the same seed and clock,
// written as one or more `path=value` overrides (for instance inic.iopClockMHz=1200).
// The variant is validated against the current scenario before it is accepted.
import { useState } from 'react';
import { applyOverrides } from '../../scenario/schema';
import { setVariant } from '../state/scenario-actions';
import { useLab } from '../state/store';

export function VariantEditor() {
  const scenario = useLab((s) => s.scenario);
  const variant = useLab((s) => s.variant);
  const [text, setText] = useState(variant?.overrides.join(' ') ?? 'inic.iopClockMHz=1200');
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const overrides = text.split(/\s+/).filter((t) => t !== '');
    if (overrides.length === 0) { setError('Write at least one path=value, e.g. inic.iopClockMHz=1200.'); return; }
    const r = applyOverrides(scenario, overrides);
    if (!r.ok) { setError(r.errors.map((e) => `${e.path} ${e.message}`).join('; ')); return; }
    setError(null);
    setVariant({ label: overrides.join(', '), overrides });
  };
  return (
    <div className="variant" data-testid="controls.ab">
      <label htmlFor="ab-overrides">A/B: compare with the current scenario changed by</label>
      <div className="variant-row">
        <input id="ab-overrides" type="text" value={text} data-testid="controls.ab.overrides" spellCheck={false}
          aria-invalid={error !== null} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') apply(); }} />
        <button type="button" className="btn" data-testid="controls.ab.apply" onClick={apply}>Compare</button>
        {variant ? <button type="button" className="btn btn-quiet" data-testid="controls.ab.clear" onClick={() => setVariant(null)}>Stop comparing</button> : null}
      </div>
      {error ? <p className="param-error" role="alert" data-testid="controls.ab.error">{error}</p> : null}
      {variant ? <p className="variant-now" data-testid="controls.ab.current">B = A with {variant.label}</p> : null}
    </div>
  );
}
