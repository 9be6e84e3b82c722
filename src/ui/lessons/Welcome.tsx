// The first-visit welcome: what the lab is, in a few lines, and two one-click ways
// in: the guided lesson through the article, or a free run of the 2002 machine.
// A card at the top of the page, above the run bar so that its two buttons are the first
// Tab stops after the masthead's theme toggle, not a modal (nothing is blocked: a person may ignore
// it); closing is remembered, and the strip below the run bar reopens it. The configuration
// behind the numbers is the run bar's disclosure, right below the welcome (one, not two).
import { labStore, useLab } from '../state/store';
import { closeWelcome, openWelcome } from './lesson-actions';
import { play, startScenario } from '../timeline/time-commands';

const storage = (): Storage | null => { try { return window.localStorage; } catch { return null; } };

export function startFirstLesson(): void {
  closeWelcome(storage());
  labStore.setState({ lesson: { id: 'article', step: 0 } });
}

export function startFreeRun(): void {
  closeWelcome(storage());
  startScenario();
  play();
}

export function Welcome() {
  const open = useLab((s) => s.welcomeOpen);
  if (!open) return null;
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Welcome to Offload Lab</h2>
      <p>
        A lab that runs a model of a server's network path in your browser. It puts a Linux host that runs TCP/IP itself
        side by side with the same host using an <strong>iNIC</strong>: a network card with its own processor that runs
        TCP/IP for it, reached through I2O messages, as in the article <cite>Improving server performance</cite> (2002).
        Every number on the page comes from the model running now; <em>Configuration behind these numbers</em>, in the run bar
        just below, shows what produced them.
      </p>
      <div className="welcome-actions">
        <button type="button" className="btn btn-primary" onClick={startFirstLesson} data-testid="welcome.lesson">
          Start the guided lesson (10 steps)
        </button>
        <button type="button" className="btn" onClick={startFreeRun} data-testid="welcome.free">
          Free run: the 2002 gigabit server
        </button>
      </div>
      <p className="welcome-keys">Keyboard: Tab moves between controls; in a lesson, [ and ] go to the previous and next step.</p>
      {/* Last in the keyboard order (the ways in come first), drawn at the card's top right. */}
      <button type="button" className="btn btn-quiet welcome-close" onClick={() => closeWelcome(storage())} data-testid="welcome.close">Close</button>
    </section>
  );
}

/** A slim strip that keeps the way into the lesson visible when no lesson is open. */
export function LessonLauncher() {
  const lesson = useLab((s) => s.lesson);
  const welcome = useLab((s) => s.welcomeOpen);
  if (lesson || welcome) return null;
  return (
    <div className="lesson-launcher" data-testid="lesson.launcher">
      <span>New here?</span>
      <button type="button" className="btn btn-primary" onClick={startFirstLesson} data-testid="lesson.start">Start the guided lesson</button>
      <button type="button" className="btn" onClick={openWelcome} data-testid="lesson.about">What is this lab?</button>
    </div>
  );
}
