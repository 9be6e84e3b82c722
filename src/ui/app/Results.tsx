// The answer column: the savings headline (what offload saves, from the run the views
// show), then the measurements as tabs: the live charts (grouped, one group at a time)
// or the sweeps against the LAWS bound. The tab is the link's `view`.
import { setView } from '../state/scenario-actions';
import { useLab } from '../state/store';
import { SavingsHeadline } from '../headline/SavingsHeadline';
import { SweepPanel } from '../sweep/SweepPanel';
import { ChartsPanel } from '../charts/ChartsPanel';
import { useMeasurement } from '../charts/measure-binding';
import '../charts/Workspace.css';

const VIEWS = [
  { id: 'charts', label: 'Live charts' },
  { id: 'sweep', label: 'Sweeps: when does offload stop paying?' },
] as const;

export function Results() {
  useMeasurement();
  const view = useLab((s) => s.view);
  const current = view === 'sweep' ? 'sweep' : 'charts';
  return (
    <section className="results" id="results" aria-label="What offload saves" data-testid="workspace">
      <SavingsHeadline />
      <div className="workspace-tabs" role="tablist" aria-label="Measurements">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" role="tab" aria-selected={current === v.id} data-testid={`workspace.tab.${v.id}`}
            className={current === v.id ? 'tab tab-on' : 'tab'} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={current === 'sweep' ? 'Sweeps and LAWS' : 'Live charts'}>
        {current === 'sweep' ? <SweepPanel /> : <ChartsPanel />}
      </div>
    </section>
  );
}
