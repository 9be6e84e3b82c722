// Every scenario parameter, grouped as the layers stack, with the presets picker, a
// filter, and the A/B variant. The cost tables' many parameters start folded.
import { useMemo, useState } from 'react';
import { listPresets } from '../../scenario/presets';
import { loadPreset } from '../state/scenario-actions';
import { useLab } from '../state/store';
import { dropsText, inForceCount, laterChanges, scenarioShownHere } from '../state/in-force';
import { controlGroups } from './control-model';
import { ParamRow } from './ParamRow';
import { VariantEditor } from './VariantEditor';
import './Controls.css';

const OPEN_AT_START = new Set(['run', 'workload', 'server', 'inic']);

export function ControlsPanel() {
  // With the live changes made while the model ran, up to where the page stands (after
  // Back or the scrubber, the changes ahead are not in force yet).
  const scenario = useLab(scenarioShownHere);
  const log = useLab((s) => s.liveChanges);
  const here = useLab(inForceCount);
  const later = useMemo(() => laterChanges(log, here), [log, here]);
  const drops = dropsText(log.length - here);
  const presetName = useLab((s) => s.presetName);
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => controlGroups(scenario, filter), [scenario, filter]);
  const presets = useMemo(() => listPresets(), []);
  const preset = presets.find((p) => p.name === presetName);
  return (
    <section className="controls-panel" aria-labelledby="controls-title" data-testid="controls.panel">
      <h2 id="controls-title">Scenario</h2>
      <div className="controls-top">
        <label>
          Preset{' '}
          <select data-testid="controls.preset" value={presetName ?? ''} onChange={(e) => { if (e.target.value) loadPreset(e.target.value); }}>
            {presetName === null ? <option value="">(edited)</option> : null}
            {presets.map((p) => <option key={p.name} value={p.name}>{p.title}</option>)}
          </select>
        </label>
        <label>
          Find a parameter{' '}
          <input type="search" data-testid="controls.filter" value={filter} placeholder="e.g. iop, mss, tso" onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      <p className="controls-preset-about" data-testid="controls.presetAbout">
        {preset ? preset.description : 'Edited from a preset: the link and the exported file carry every change.'}
      </p>
      {drops ? (
        <p className="controls-rewound" role="status" data-testid="controls.rewound">
          Rewound before {log.length - here} live change{log.length - here === 1 ? '' : 's'}: the fields show the values in force here; {drops}.
        </p>
      ) : null}
      <VariantEditor />
      <div className="param-groups">
        {groups.map((g) => (
          <details key={g.id} open={filter !== '' || OPEN_AT_START.has(g.id)} data-testid={`controls.group.${g.id}`}>
            <summary>{g.label} <span className="param-count">{g.rows.length}</span></summary>
            {g.rows.map((r) => <ParamRow key={r.path} row={r} later={later.get(r.path)?.text ?? ''} drops={drops} />)}
          </details>
        ))}
        {groups.length === 0 ? <p className="param-none">No parameter matches “{filter}”.</p> : null}
      </div>
    </section>
  );
}
