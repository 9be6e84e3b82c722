// The lab's frame: masthead, run bar, failure banner and the live panel. Later views
// (architecture, sequence, inspector, charts, lessons) take their place in <main>.
import { Header } from '../shell/Header';
import { RunBar } from '../shell/RunBar';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useShortcuts } from '../shell/use-shortcuts';
import { useThemeAttribute } from './use-theme';
import { LivePanel } from '../live/LivePanel';
import { Workspace } from '../charts/Workspace';
import { TimeBar } from '../timeline/TimeBar';
import { ViewsPanel } from '../views/ViewsPanel';
import { LessonLauncher, LessonPanel, Welcome, useLessonBoot } from '../lessons';
import '../lessons/Lessons.css';
import './App.css';

export function App() {
  useShortcuts();
  useThemeAttribute();
  useLessonBoot();
  return (
    <div className="app">
      <Header />
      <RunBar />
      <TimeBar />
      <LessonLauncher />
      <main id="main" aria-label="Lab">
        <ErrorBanner />
        <Welcome />
        <LessonPanel />
        <ViewsPanel />
        <LivePanel />
        <Workspace />
      </main>
    </div>
  );
}
