// "The configuration behind these numbers": a disclosure showing the full scenario
// the lab is running (preset, seed, duration, configurations and every changed
// parameter), so any figure on the page can be traced to its inputs.
import { useLab } from '../state/store';
import { changedParameters } from './config-lines';

export function ConfigurationDisclosure() {
  const scenario = useLab((s) => s.scenario);
  const preset = useLab((s) => s.presetName);
  const changed = changedParameters(scenario);
  return (
    <details className="lesson-config" data-testid="lesson.config">
      <summary>Configuration behind these numbers</summary>
      <dl>
        <dt>Preset</dt><dd data-testid="lesson.config.preset">{preset ?? 'none (edited)'}</dd>
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
      </dl>
    </details>
  );
}
