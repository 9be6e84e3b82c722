// One scenario parameter: its label, the control, unit and range, a badge saying
// whether a change applies live or by restart, the source of its default on demand,
// and, when an edit was refused, the reason right beside it (the scenario unchanged).
// Text and number fields commit on Enter or when they lose focus, not per keystroke.
// After a rewind the row shows the value in force there and says when the field changes
// later in the live log. That a live edit here drops the later changes is said once, in
// the panel's rewound banner, and again on a live row only while its field has focus
// (where the edit happens), not on every live row of the panel.
import { useState } from 'react';
import { formatSource } from '../../model/costs';
import { clearFieldError, setParameter } from '../state/scenario-actions';
import { useLab } from '../state/store';
import { checklistText, type ControlRow } from './control-model';

function Field({ row, id, invalid, describedBy }: { row: ControlRow; id: string; invalid: boolean; describedBy: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const common = { id, 'data-testid': `controls.param.${row.path}`, 'aria-invalid': invalid, 'aria-describedby': describedBy };
  const commit = () => {
    if (draft === null) return;
    if (setParameter(row.path, draft)) setDraft(null);
  };
  switch (row.kind) {
    case 'toggle':
      return <input {...common} type="checkbox" checked={row.value === 'true'} onChange={(e) => setParameter(row.path, String(e.target.checked))} />;
    case 'select':
      return (
        <select {...common} value={row.value} onChange={(e) => setParameter(row.path, e.target.value)}>
          {row.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      );
    case 'checklist':
      return (
        <span {...common} role="group" className="param-checklist">
          {row.options.map((o) => (
            <label key={o}>
              <input type="checkbox" data-testid={`controls.param.${row.path}.${o}`} checked={row.checked.includes(o)}
                onChange={(e) => setParameter(row.path, checklistText(row.checked, o, e.target.checked))} />
              {o}
            </label>
          ))}
        </span>
      );
    default: {
      const value = draft ?? row.value;
      const onKey = (e: React.KeyboardEvent) => {
        if (e.key === 'Enter' && row.kind !== 'json') { e.preventDefault(); commit(); }
        if (e.key === 'Escape') { setDraft(null); clearFieldError(row.path); }
      };
      return row.kind === 'json'
        ? <textarea {...common} rows={2} value={value} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKey} spellCheck={false} />
        : <input {...common} type="text" inputMode={row.kind === 'number' ? 'decimal' : 'text'} value={value}
            onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKey} spellCheck={false} />;
    }
  }
}

/** Whether a focus event inside the row's control cell landed on the field itself (not on "source"). */
function inField(e: React.FocusEvent<HTMLDivElement>): boolean {
  const field = e.currentTarget.firstElementChild;
  return field !== null && field.contains(e.target);
}

/**
 * `later`: the field's next change in the live log ahead of the shown position (after a
 * rewind); `drops`: what a live edit here would drop from the log ('' when nothing),
 * shown only while the row's field has focus.
 */
export function ParamRow({ row, later = '', drops = '' }: { row: ControlRow; later?: string; drops?: string }) {
  const error = useLab((s) => s.fieldErrors[row.path]);
  const liveNote = useLab((s) => s.liveNotes[row.path]);
  const [showSource, setShowSource] = useState(false);
  const [editing, setEditing] = useState(false);
  const base = `controls.param.${row.path}`;
  const id = `param-${row.path.replace(/[^A-Za-z0-9]/g, '-')}`;
  const scenarioVersion = useLab((s) => s.scenarioVersion);
  return (
    <div className={`param${error ? ' param-invalid' : ''}`} data-testid={`${base}.row`}>
      <label className="param-label" htmlFor={id}>
        {row.label}
        <code className="param-path">{row.path}</code>
      </label>
      <div className="param-control" onFocus={(e) => setEditing(inField(e))} onBlur={() => setEditing(false)}>
        <Field key={scenarioVersion} row={row} id={id} invalid={error !== undefined} describedBy={`${id}-meta${error ? ` ${id}-err` : ''}`} />
        {row.unit ? <span className="param-unit">{row.unit}</span> : null}
        {/* A live parameter changes the running model where it stands (the worker's apply);
            any other restarts the run from time zero. */}
        <span className={`param-apply param-apply-${row.apply}`} data-testid={`${base}.apply`} data-model-live={row.apply === 'live'}
          title={row.apply === 'live'
            ? 'Applies live: the model takes the change where it stands and runs on (the charts mark the instant)'
            : 'A change restarts the run from time zero'}>
          {row.apply === 'live' ? 'live' : 'restart'}
        </span>
        {row.source ? (
          <button type="button" className="param-source-btn" aria-expanded={showSource} data-testid={`${base}.sourceToggle`} onClick={() => setShowSource(!showSource)}>
            source
          </button>
        ) : null}
      </div>
      <p className="param-meta" id={`${id}-meta`}>
        {row.rangeText ? <span>range {row.rangeText}</span> : null}
        <span>default {row.defaultText === '' ? '–' : row.defaultText}</span>
        {later ? <span className="param-later" data-testid={`${base}.later`}>{later}</span> : null}
        {drops && editing && row.apply === 'live' ? <span className="param-drops" data-testid={`${base}.drops`}>{drops}</span> : null}
      </p>
      {error ? <p className="param-error" id={`${id}-err`} role="alert" data-testid={`${base}.error`}>{row.path} {error}. The scenario is unchanged.</p> : null}
      {liveNote && !error && !later ? <p className="param-live-note" role="status" data-testid={`${base}.live`}>{liveNote}</p> : null}
      {showSource && row.source ? (
        <p className="param-source" data-testid={`${base}.source`}>
          <strong>{row.source.tag === 'estimate' ? 'Estimate' : row.source.tag === 'read' ? 'Read in the source' : 'Quoted'}</strong>
          {row.source.why ? `: ${row.source.why}` : null}. <span>{row.source.text}</span> <code>{formatSource(row.source).split(' (')[0]}</code>
        </p>
      ) : null}
    </div>
  );
}
