// The lab's measuring workspace: the page notice (links, files), the savings
// headline, then the charts or the sweep (the view, carried in shared links), with the
// scenario's controls and sharing beside them.
import { setView } from '../state/scenario-actions';
import { useLab } from '../state/store';
import { ControlsPanel } from '../controls/ControlsPanel';
import { SavingsHeadline } from '../headline/SavingsHeadline';
import { NoticeBar, SharePanel } from '../share/SharePanel';
import { SweepPanel } from '../sweep/SweepPanel';
import { ChartsPanel } from './ChartsPanel';
import { useMeasurement } from './measure-binding';
import './Workspace.css';

const VIEWS = [
  { id: 'charts', label: 'Live charts' },
  { id: 'sweep', label: 'Sweeps and LAWS' },
] as const;

export function Workspace() {
  useMeasurement();
  const view = useLab((s) => s.view);
  const current = view === 'sweep' ? 'sweep' : 'charts';
  return (
    <div className="workspace" data-testid="workspace">
      <NoticeBar />
      <div className="workspace-grid">
        <div className="workspace-main">
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
        </div>
        <aside className="workspace-side" aria-label="Scenario and sharing">
          <SharePanel />
          <ControlsPanel />
        </aside>
      </div>
    </div>
  );
}
