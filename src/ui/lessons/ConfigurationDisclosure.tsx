// "The configuration behind these numbers": a disclosure showing the full scenario
// the lab is running (preset, seed, duration, configurations and every changed
// parameter; a scenario edited from a preset names it), the A/B variant run beside it and the changes made live while it ran,
// so any figure on the page (the B rows and charts too) can be traced to its inputs.
import { formatNanos } from '../../sim/units';
import { useLab } from '../state/store';
import { changedParameters, editedFrom } from './config-lines';

export function ConfigurationDisclosure() {
  const scenario = useLab((s) => s.scenario);
  const preset = useLab((s) => s.presetName);
  const variant = useLab((s) => s.variant);
  const live = useLab((s) => s.liveChanges);
  const changed = changedParameters(scenario);
  // No longer a preset as it stands: say which one it was edited from.
  const from = preset === null ? editedFrom(scenario) : null;
  return (
    <details className="lesson-config" data-testid="lesson.config">
      <summary>Configuration behind these numbers</summary>
      <dl>
        <dt>Preset</dt><dd data-testid="lesson.config.preset">{preset ?? (from ? `edited from ${from.preset}` : 'none (edited)')}</dd>
        <dt>Seed</dt><dd data-testid="lesson.config.seed">{scenario.seed}</dd>
        <dt>Simulated time</dt><dd>{scenario.durationMs} ms (first {scenario.warmupMs} ms warm-up, not measured)</dd>
        <dt>Configurations</dt><dd data-testid="lesson.config.configurations">{scenario.configurations.join(', ')}</dd>
        <dt>Workload</dt><dd>{scenario.workload.kind}</dd>
        <dt>Changed parameters</dt>
        <dd>
          {changed.length === 0 ? 'none: the defaults (the 2002 gigabit machine)' : (
            <ul data-testid="lesson.config.changed">{changed.map((c) => <li key={c.path}><code>{c.path} = {c.value}</code></li>)}</ul>
          )}
        </dd>
        {variant ? (
          <><dt>A/B variant</dt><dd data-testid="lesson.config.variant">B = A with <code>{variant.overrides.join(' ')}</code></dd></>
        ) : null}
        {live.length > 0 ? (
          <><dt>Changed while running</dt>
            <dd>
              <ul data-testid="lesson.config.live">
                {live.map((c, i) => <li key={i}><code>{c.path} = {String(c.value)}</code> at {formatNanos(c.at[0]?.nowNanos ?? 0)}</li>)}
              </ul>
            </dd></>
        ) : null}
      </dl>
    </details>
  );
}
