// The run bar: Run, Pause, Step and Reset with their keyboard shortcuts shown beside
// each, the seed field and the run's status. Buttons are disabled when their command
// cannot apply; when Run or Pause disables itself, focus moves to the other so a
// keyboard user can keep toggling.
import { useRef } from 'react';
import type { ClientStatus } from '../../worker';
import { pause, reset, run, step } from '../state/commands';
import { useLab } from '../state/store';
import { Icon } from './Icon';
import { SeedField } from './SeedField';
import './RunBar.css';

const STATUS_TEXT: Record<ClientStatus, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  paused: 'Paused',
  running: 'Running',
  ended: 'Ended: no events left',
  failed: 'Failed',
};

function Kbd({ children }: { children: string }) {
  return <kbd className="kbd" aria-hidden="true">{children}</kbd>;
}

export function RunBar() {
  const status = useLab((s) => s.status);
  const runRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const usable = status === 'paused' || status === 'running';
  return (
    <section className="runbar" aria-label="Run controls" data-testid="controls">
      <div className="runbar-buttons" role="group" aria-label="Simulation">
        <button
          ref={runRef} type="button" className={status === 'running' ? 'btn' : 'btn btn-primary'} data-testid="controls.run" data-runbar=""
          disabled={status !== 'paused'} aria-keyshortcuts="Space"
          onClick={() => { run(); pauseRef.current?.focus(); }}
        >
          <Icon name="run" /> Run <Kbd>Space</Kbd>
        </button>
        <button
          ref={pauseRef} type="button" className={status === 'running' ? 'btn btn-primary' : 'btn'} data-testid="controls.pause" data-runbar=""
          disabled={status !== 'running'} aria-keyshortcuts="Space"
          onClick={() => { pause(); runRef.current?.focus(); }}
        >
          <Icon name="pause" /> Pause <Kbd>Space</Kbd>
        </button>
        <button
          type="button" className="btn" data-testid="controls.step" data-runbar=""
          disabled={!usable} aria-keyshortcuts="ArrowRight" title="Run exactly one event, then pause"
          onClick={() => step(1)}
        >
          <Icon name="step" /> Step one event <Kbd>→</Kbd>
        </button>
        <button
          type="button" className="btn" data-testid="controls.reset" data-runbar=""
          disabled={status === 'idle' || status === 'starting'} aria-keyshortcuts="R"
          title="Back to time zero with the same seed"
          onClick={reset}
        >
          <Icon name="reset" /> Reset <Kbd>R</Kbd>
        </button>
      </div>
      <SeedField />
      <p className={`run-status run-status-${status}`} data-testid="controls.status" role="status">
        <span className="run-dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
      </p>
    </section>
  );
}
