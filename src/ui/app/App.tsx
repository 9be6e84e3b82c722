// The lab's page: masthead, the first-visit welcome, the one run bar (it drives the network
// model every part of the page shows), the lesson, then the model's views (Architecture, Sequence,
// Packets & I2O) beside the answer column (savings headline, live charts, sweeps), and
// the scenario's controls and sharing below. Two panes from 1500 px wide; stacked below.
// Keyboard order follows the page: a newcomer's first Tab stops are the first-visit
// actions (the masthead's launcher, or the welcome above the run bar), then a link,
// shown when focused, that skips the run bar's dozen controls to the views.
import { Header } from '../shell/Header';
import { RunBar } from '../shell/RunBar';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useShortcuts } from '../shell/use-shortcuts';
import { useThemeAttribute } from './use-theme';
import { ViewsPanel } from '../views/ViewsPanel';
import { ControlsPanel } from '../controls/ControlsPanel';
import { NoticeBar, SharePanel } from '../share/SharePanel';
import { LessonLauncher, LessonPanel, Welcome, useLessonBoot } from '../lessons';
import { Results } from './Results';
import '../lessons/Lessons.css';
import './App.css';

export function App() {
  useShortcuts();
  useThemeAttribute();
  useLessonBoot();
  return (
    <div className="app">
      <Header><LessonLauncher /></Header>
      <main id="main" aria-label="Lab">
        <Welcome />
        <a className="skip-link" href="#views" data-testid="skip.views">Skip the run controls: to the views</a>
        <RunBar />
        <ErrorBanner />
        <NoticeBar />
        <LessonPanel />
        <div className="lab-panes">
          <ViewsPanel />
          <Results />
        </div>
        <section className="lab-setup" id="setup" aria-label="Controls and sharing" data-testid="setup">
          <h2 className="lab-setup-title">Scenario controls and sharing</h2>
          <div className="lab-setup-grid">
            <ControlsPanel />
            <SharePanel />
          </div>
        </section>
      </main>
    </div>
  );
}
