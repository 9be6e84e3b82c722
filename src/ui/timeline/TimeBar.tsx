// Time control for the machine model (issue 5 item 3): start a preset, play/pause, speed
// from slow motion to full speed, step to the next event / layer crossing / packet, step
// back, and a scrubber over the simulated time reached. Every control shows its key.
import { useEffect, useState } from 'react';
import { formatNanos } from '../../sim';
import { useLab } from '../state/store';
import { setShowStateless } from '../state/views-actions';
import { useFeedVersion } from '../views/feed/use-feed';
import { views } from '../views/feed/binding';
import { SPEEDS } from './speed-limiter';
import { handleTimeKey } from './time-keys';
import { canStepBack, pause, play, seekTime, setSpeed, startScenario, stepBack, stepForward } from './time-commands';
import './TimeBar.css';

function Kbd({ children }: { children: string }) {
  return <kbd className="kbd" aria-hidden="true">{children}</kbd>;
}

export function TimeBar() {
  useFeedVersion();
  const status = useLab((s) => s.status);
  const spec = useLab((s) => s.spec);
  const speed = useLab((s) => s.speedNsPerSecond);
  const showStateless = useLab((s) => s.showStateless);
  const figures = views().feed.figures;
  const isScenario = spec?.kind === 'scenario';
  const usable = isScenario && (status === 'paused' || status === 'running' || status === 'ended');
  const [reached, setReached] = useState(0);
  const now = figures?.nowNanos ?? 0;
  useEffect(() => { setReached((r) => (isScenario ? Math.max(r, now) : 0)); }, [now, isScenario]);
  useEffect(() => { if (status === 'starting') setReached(0); }, [status]);
  useEffect(() => {
    window.addEventListener('keydown', handleTimeKey);
    return () => window.removeEventListener('keydown', handleTimeKey);
  }, []);
  const speedIndex = SPEEDS.findIndex((s) => s.nsPerSecond === speed);
  return (
    <section className="timebar" aria-label="Time control" data-testid="time">
      <button type="button" className={isScenario ? 'btn' : 'btn btn-primary'} data-testid="time.start" onClick={startScenario}
        title="Build the machine model of the chosen scenario (native and offload side by side) and pause at time zero">
        {isScenario ? 'Restart model' : 'Start the network model'}
      </button>
      <label className="timebar-check">
        <input type="checkbox" checked={showStateless} data-testid="time.stateless"
          onChange={(e) => setShowStateless(e.target.checked)} /> with stateless
      </label>
      <span className="timebar-sep" aria-hidden="true" />
      {status === 'running'
        ? <button type="button" className="btn" data-testid="time.pause" onClick={pause} disabled={!usable}>Pause <Kbd>Space</Kbd></button>
        : <button type="button" className="btn" data-testid="time.play" onClick={play} disabled={!usable || status === 'ended'}>Play <Kbd>Space</Kbd></button>}
      <button type="button" className="btn" data-testid="time.back" onClick={() => stepBack()} disabled={!usable || !canStepBack()}
        title="Back to where the last step or play started (replayed exactly)">Back <Kbd>←</Kbd></button>
      <button type="button" className="btn" data-testid="time.stepEvent" onClick={() => stepForward('event')} disabled={!usable}>Event <Kbd>→</Kbd></button>
      <button type="button" className="btn" data-testid="time.stepCrossing" onClick={() => stepForward('crossing')} disabled={!usable}
        title="Run until the next layer crossing is recorded">Crossing <Kbd>C</Kbd></button>
      <button type="button" className="btn" data-testid="time.stepPacket" onClick={() => stepForward('packet')} disabled={!usable}
        title="Run until the next frame on the wire or I2O message on the bus">Packet <Kbd>N</Kbd></button>
      <label className="timebar-speed">
        Speed <Kbd>− +</Kbd>
        <select data-testid="time.speed" value={speedIndex < 0 ? SPEEDS.length - 1 : speedIndex}
          onChange={(e) => setSpeed(SPEEDS[Number(e.target.value)]!.nsPerSecond)}>
          {SPEEDS.map((s, i) => <option key={s.label} value={i}>{s.label}</option>)}
        </select>
      </label>
      <label className="timebar-scrub">
        <span className="sr-only">Simulated time</span>
        <input type="range" min={0} max={Math.max(1, reached)} step={Math.max(1, Math.round(reached / 500))} value={now}
          disabled={!usable || reached === 0} data-testid="time.scrubber" aria-valuetext={formatNanos(now)}
          onChange={(e) => seekTime(Number(e.target.value))} />
      </label>
      <output className="timebar-now" data-testid="time.now">{formatNanos(now)}</output>
    </section>
  );
}
