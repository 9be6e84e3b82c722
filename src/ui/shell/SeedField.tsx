// The seed field. A run is a pure function of its seed: applying a seed starts a fresh
// world with it (paused at time zero). Invalid text is explained under the field.
import { applySeed } from '../state/commands';
import { setSeedText } from '../state/actions';
import { useLab } from '../state/store';

export function SeedField() {
  const seedText = useLab((s) => s.seedText);
  const seedError = useLab((s) => s.seedError);
  const current = useLab((s) => s.spec?.seed);
  const disabled = useLab((s) => s.status === 'starting');
  const changed = current === undefined || seedText.trim() !== String(current);
  return (
    <form
      className="seed"
      aria-label="Seed"
      onSubmit={(e) => { e.preventDefault(); applySeed(); }}
    >
      <label htmlFor="seed-input">Seed</label>
      <input
        id="seed-input"
        data-testid="controls.seed"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={seedText}
        aria-invalid={seedError ? true : undefined}
        aria-describedby={seedError ? 'seed-error' : 'seed-hint'}
        onChange={(e) => setSeedText(e.target.value)}
      />
      <button type="submit" className="btn" data-testid="controls.seedApply" disabled={disabled || !changed}>
        Use seed
      </button>
      {seedError
        ? <span id="seed-error" className="seed-error" role="alert" data-testid="controls.seedError">{seedError}</span>
        : <span id="seed-hint" className="visually-hidden">Using a new seed restarts the run from time zero.</span>}
    </form>
  );
}
