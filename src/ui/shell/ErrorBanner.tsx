// Shown when the simulation worker fails: what happened, in words, the raw message,
// and a Restart button that starts a new worker with the same seed. The rest of the
// page stays, with the last figures the worker sent.
import type { FailureKind } from '../../worker';
import { restart } from '../state/commands';
import { useLab } from '../state/store';
import './ErrorBanner.css';

const WHAT: Record<FailureKind, string> = {
  worker: 'An exception escaped the simulation worker and stopped it.',
  transport: 'The page could not talk to the simulation worker.',
  protocol: 'The page and the simulation worker stopped understanding each other.',
  world: 'The simulated world could not be built.',
  runtime: 'The simulation threw an error while running.',
  crash: 'The simulation worker was crashed on purpose (test hook).',
};

export function ErrorBanner() {
  const failure = useLab((s) => s.failure);
  const seed = useLab((s) => s.spec?.seed);
  if (!failure) return null;
  return (
    <section className="error-banner" role="alert" aria-labelledby="error-title" data-testid="error.banner">
      <div className="error-text">
        <h2 id="error-title">The simulation stopped</h2>
        <p>{WHAT[failure.kind]} The figures below are the last ones it sent.</p>
        <p className="error-message" data-testid="error.message"><code>{failure.message}</code></p>
        {failure.detail ? (
          <details>
            <summary>Details</summary>
            <pre>{failure.detail}</pre>
          </details>
        ) : null}
      </div>
      <button type="button" className="btn btn-primary" data-testid="error.restart" onClick={restart}>
        Restart{seed === undefined ? '' : ` with seed ${seed}`}
      </button>
    </section>
  );
}
