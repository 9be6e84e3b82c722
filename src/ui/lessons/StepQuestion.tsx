// A step's question: radio options or a number field, checked against the step's
// own run (the figures come from the lesson worker); the verdict says right or not
// in words and a symbol (never colour alone), then the model's answer and why.
import { useState } from 'react';
import { checkAnswer, type Question, type Verdict } from '../../scenario/lessons';

interface Props {
  readonly question: Question;
  readonly stepKey: string;
  readonly metrics: Record<string, number> | null;
}

export function StepQuestion({ question: q, stepKey, metrics }: Props) {
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const ready = metrics !== null;
  const answered = q.kind === 'choice' ? choice !== null : text.trim() !== '';
  const check = () => {
    if (!metrics) return;
    const answer = q.kind === 'choice' ? (choice ?? -1) : Number(text.replace(',', '.'));
    setVerdict(checkAnswer(q, answer, metrics));
  };
  const name = `lesson-q-${stepKey}`;
  return (
    <form className="lesson-question" data-testid="lesson.question" aria-label="Question" onSubmit={(e) => { e.preventDefault(); check(); }}>
      {q.kind === 'choice' ? (
        <fieldset>
          <legend className="lesson-prompt">{q.prompt}</legend>
          {q.options.map((o, i) => (
            <label key={i} className="lesson-option">
              <input type="radio" name={name} value={i} checked={choice === i} data-testid={`lesson.option.${i}`}
                onChange={() => { setChoice(i); setVerdict(null); }} />
              <span>{o.label}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="lesson-number">
          <label htmlFor={`${name}-n`} className="lesson-prompt">{q.prompt}</label>
          <span>
            <input id={`${name}-n`} type="text" inputMode="decimal" value={text} data-testid="lesson.number"
              onChange={(e) => { setText(e.target.value); setVerdict(null); }} />
            {q.unit ? <span className="lesson-unit"> {q.unit}</span> : null}
          </span>
        </div>
      )}
      <div className="lesson-check-row">
        <button type="submit" className="btn" disabled={!ready || !answered} data-testid="lesson.check">Check answer</button>
        {!ready ? <span className="lesson-running" role="status">Running this step's scenario in the model…</span> : null}
      </div>
      <div role="status" aria-live="polite" data-testid="lesson.verdict">
        {verdict === null ? null : !verdict.ok ? (
          <p className="lesson-verdict lesson-bad">The lesson cannot be checked on this run: {verdict.error}</p>
        ) : (
          <div className={verdict.correct ? 'lesson-verdict lesson-good' : 'lesson-verdict lesson-bad'}>
            <p><strong data-testid="lesson.verdict.word">{verdict.correct ? '✓ Correct.' : '✗ Not quite.'}</strong>{' '}
              The model's answer on this run: <strong data-testid="lesson.expected">{verdict.expected}</strong>.</p>
            <p>{q.explain}</p>
          </div>
        )}
      </div>
    </form>
  );
}
