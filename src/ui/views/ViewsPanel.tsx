// The views as tabs (one at a time reads well on a 1280×720 projector; a wide monitor
// gets the same tabs with more room): architecture, sequence, inspector.
import { useLab } from '../state/store';
import { setViewTab } from '../state/views-actions';
import type { ViewTab } from '../state/views-slice';
import { ArchitectureView } from './arch/ArchitectureView';
import { SequenceView } from './sequence/SequenceView';
import { InspectorView } from '../inspector/InspectorView';
import './ViewsPanel.css';

const TABS: readonly { id: ViewTab; label: string }[] = [
  { id: 'architecture', label: 'Architecture' },
  { id: 'sequence', label: 'Sequence' },
  { id: 'inspector', label: 'Packets & I2O' },
];

export function ViewsPanel() {
  const tab = useLab((s) => s.viewTab);
  const info = useLab((s) => s.info);
  return (
    <section className="views" id="views" aria-label="Views" data-testid="views">
      <div className="views-tabs" role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`views.tab.${t.id}`}
            className={tab === t.id ? 'views-tab views-tab-on' : 'views-tab'} onClick={() => setViewTab(t.id)}>
            {t.label}
          </button>
        ))}
        {info?.notes && info.notes.length > 0 && <span className="views-notes" data-testid="views.notes">{info.notes.join(' ')}</span>}
      </div>
      <div className="views-body" role="tabpanel" data-testid={`views.panel.${tab}`}>
        {tab === 'architecture' && <ArchitectureView />}
        {tab === 'sequence' && <SequenceView />}
        {tab === 'inspector' && <InspectorView />}
      </div>
    </section>
  );
}
