// The lesson panel: the step's title and place in the lesson, its explanation, the
// live figures it points at (from the step's own run), its question, the way between
// steps (buttons, the step list, and the keys [ and ]), and the configuration behind
// the numbers. The step is in the address (?lesson=…&step=…) so it can be shared.
import { useEffect, useState } from 'react';
import { watchValue, type Lesson } from '../../scenario/lessons';
import { labStore, useLab } from '../state/store';
import { applyStep, closeLesson } from './lesson-actions';
import { withLessonLocation } from './lesson-url';
import { runLessonStep, type StepFigures } from './step-runner';
import { useLessonFile } from './use-lesson';
import { StepQuestion } from './StepQuestion';
import { ConfigurationDisclosure } from './ConfigurationDisclosure';
import { LAYER_INFO } from '../views';
import { setViewTab } from '../state/views-actions';

/** A layer as the architecture view names it ('System call', not 'syscall'); an unknown id as written. */
const layerTitle = (id: string): string => (LAYER_INFO as Readonly<Record<string, { title: string } | undefined>>)[id]?.title ?? id;

const fmt = (v: number | null): string => {
  if (v === null) return 'n/a';
  const a = Math.abs(v);
  if (Number.isInteger(v) || a >= 1000) return Math.round(v).toLocaleString('en-US');
  return a >= 10 ? v.toFixed(1) : v.toFixed(2);
};

function LessonBody({ lesson, index }: { lesson: Lesson; index: number }) {
  const step = lesson.steps[index]!;
  const reduced = useLab((s) => s.reducedMotion);
  const [figures, setFigures] = useState<{ index: number; f: StepFigures } | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  useEffect(() => {
    setSetupError(applyStep(lesson.id, index, step));
    window.history.replaceState(null, '', `${withLessonLocation(window.location.search, { id: lesson.id, step: index + 1 })}${window.location.hash}`);
    let live = true;
    void runLessonStep(step.scenario).then((f) => { if (live) setFigures({ index, f }); });
    return () => { live = false; };
  }, [lesson, index, step]);
  const f = figures?.index === index ? figures.f : null;
  const metrics = f?.ok ? f.metrics : null;
  const go = (i: number) => labStore.setState({ lesson: { id: lesson.id, step: i } });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      if (e.key === ']' && index < lesson.steps.length - 1) go(index + 1);
      if (e.key === '[' && index > 0) go(index - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const n = lesson.steps.length;
  return (
    <>
      <header className="lesson-head">
        <p className="lesson-kicker">Lesson: {lesson.title} <span aria-hidden="true">·</span> <span data-testid="lesson.position">Step {index + 1} of {n}</span></p>
        <h2 id="lesson-title" data-testid="lesson.title">{step.title}</h2>
        <button type="button" className="btn lesson-close" onClick={closeLesson} data-testid="lesson.close">Leave the lesson</button>
      </header>
      <nav aria-label="Lesson steps" className="lesson-steps">
        <ol>
          {lesson.steps.map((s, i) => (
            <li key={i}>
              <button type="button" className={i === index ? 'lesson-dot lesson-dot-on' : 'lesson-dot'} aria-current={i === index ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${s.title}`} title={s.title} onClick={() => go(i)} data-testid={`lesson.step.${i + 1}`}>{i + 1}</button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="lesson-grid">
        <div className="lesson-text" data-testid="lesson.text">
          {step.text.map((p, i) => <p key={i}>{p}</p>)}
          {step.layers.length ? <p className="lesson-layers" data-testid="lesson.layers">
              {/* On a 1280×720 projector the lesson fills the screen: the link brings the outlined boxes into view. */}
              Outlined in the <a href="#views" data-testid="lesson.toViews" onClick={() => setViewTab('architecture')}>architecture view ↓</a>: {step.layers.map(layerTitle).join(', ')}
            </p> : null}
          {reduced ? <p className="lesson-layers" data-testid="lesson.reduced">Reduced motion is on: the model waits at time zero. Step it with Event, Crossing or Packet, or press Play.</p> : null}
          {setupError ? <p className="lesson-verdict lesson-bad" role="alert">This step's scenario is refused: {setupError}</p> : null}
          {step.watch.length ? (
            <section aria-label="This step's figures" className="lesson-watch" data-testid="lesson.watch">
              <h3>This run's figures</h3>
              {f && !f.ok ? <p className="lesson-bad" role="alert">The model could not run this step: {f.error}</p> : null}
              <table>
                <tbody>
                  {step.watch.map((w) => (
                    <tr key={w.label}><th scope="row">{w.label}</th><td>{metrics ? fmt(watchValue(w.expr, metrics)) : '…'}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </div>
        <div className="lesson-side">
          <StepQuestion key={`${lesson.id}-${index}`} stepKey={`${index}`} question={step.question} metrics={metrics} />
        </div>
      </div>
      <div className="lesson-nav">
        <button type="button" className="btn" disabled={index === 0} onClick={() => go(index - 1)} data-testid="lesson.prev">← Previous step</button>
        <ConfigurationDisclosure />
        <button type="button" className="btn btn-primary" disabled={index === n - 1} onClick={() => go(index + 1)} data-testid="lesson.next">Next step →</button>
      </div>
    </>
  );
}

export function LessonPanel() {
  const loc = useLab((s) => s.lesson);
  const load = useLessonFile(loc?.id ?? null);
  if (!loc || !load) return null;
  return (
    <section className="lesson-panel" aria-labelledby="lesson-title" data-testid="lesson.panel">
      {load.status === 'loading' ? <p id="lesson-title" role="status">Loading the lesson…</p> : null}
      {load.status === 'error' ? (
        <div role="alert" data-testid="lesson.errors">
          <h2 id="lesson-title">This lesson file has errors</h2>
          <ul>{load.errors.map((e) => <li key={e}>{e}</li>)}</ul>
          <button type="button" className="btn" onClick={closeLesson}>Close</button>
        </div>
      ) : null}
      {load.status === 'ready' ? <LessonBody lesson={load.lesson} index={Math.min(loc.step, load.lesson.steps.length - 1)} /> : null}
    </section>
  );
}
