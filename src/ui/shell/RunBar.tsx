// The lab's one run bar: it drives the network model (the scenario's native and offload
// machines on one clock, DESIGN.md 2.3) that every view, chart and the headline show.
// Play/Pause, Back, Step (event, layer crossing, packet), Reset, speed, the scrubber over
// the simulated time reached, each with its key shown beside it; the scenario's seed and
// the configuration behind the numbers one click away. The seed is the scenario's (edit
// it under Controls & sharing): there is no other.
import { memo, useEffect, useRef, useState } from 'react';
import { formatNanos } from '../../sim';
import type { ClientStatus } from '../../worker';
import { useLab } from '../state/store';
import { setParameter } from '../state/scenario-actions';
import { SPEEDS } from '../timeline/speed-limiter';
import { canStepBack, pause, play, seekTime, setSpeed, startScenario, stepBack, stepForward } from '../timeline/time-commands';
import { ConfigurationDisclosure } from '../lessons/ConfigurationDisclosure';
import { Icon } from './Icon';
import { useScrollPaddingFor } from './use-scroll-padding';
import './RunBar.css';

// Only the clock (the scrubber and the simulated time) re-renders with the live figures,
// through narrow selectors on the two numbers it shows; the buttons render when the status,
// the speed, the scenario or whether Back can go back changes. The disclosure only changes
// with the scenario, and its diff against the defaults is not free: memoized, it renders
// when the scenario does.
const Disclosure = memo(ConfigurationDisclosure);

const STATUS_TEXT: Record<ClientStatus, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  paused: 'Paused',
  running: 'Running',
  ended: 'Ended: the scenario\'s time is up',
  failed: 'Failed',
};

function Kbd({ children }: { children: string }) {
  return <kbd className="kbd" aria-hidden="true">{children}</kbd>;
}

/** The scrubber over the simulated time reached and the time itself. */
function RunClock({ usable, isScenario, status }: { usable: boolean; isScenario: boolean; status: ClientStatus }) {
  const now = useLab((s) => (isScenario ? s.live?.figures.nowNanos ?? 0 : 0));
  const end = useLab((s) => s.live?.figures.endNanos ?? 0);
  const [reached, setReached] = useState(0);
  useEffect(() => { setReached((r) => Math.max(r, now)); }, [now]);
  useEffect(() => { if (status === 'starting') setReached(0); }, [status]);
  return (
    <>
      <label className="runbar-scrub">
        <span className="visually-hidden">Simulated time</span>
        <input type="range" min={0} max={Math.max(1, reached)} step={Math.max(1, Math.round(reached / 500))} value={now}
          disabled={!usable || reached === 0} data-testid="time.scrubber" aria-valuetext={formatNanos(now)}
          onChange={(e) => seekTime(Number(e.target.value))} />
      </label>
      <output className="runbar-now" data-testid="time.now" title="Simulated time (of the scenario's total)">
        <span data-testid="status.simTime">{formatNanos(now)}</span>
        {end > 0 ? <span className="runbar-end"> of {formatNanos(end)}</span> : null}
      </output>
    </>
  );
}

export function RunBar() {
  const status = useLab((s) => s.status);
  const spec = useLab((s) => s.spec);
  // The position history lives outside the store, but every move that changes it also
  // publishes new figures, which re-runs this selector.
  const canBack = useLab(() => canStepBack());
  const speed = useLab((s) => s.speedNsPerSecond);
  const configurations = useLab((s) => s.scenario.configurations);
  const showStateless = configurations.includes('stateless');
  const seed = useLab((s) => s.scenario.seed);
  const playRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const barRef = useRef<HTMLElement>(null);
  useScrollPaddingFor(barRef);
  const isScenario = spec?.kind === 'scenario';
  const usable = isScenario && (status === 'paused' || status === 'running' || status === 'ended');
  const speedIndex = SPEEDS.findIndex((s) => s.nsPerSecond === speed);
  const running = status === 'running';
  return (
    <section ref={barRef} className="runbar" aria-label="Run controls" data-testid="controls">
      <div className="runbar-buttons" role="group" aria-label="Time">
        {running ? (
          <button ref={pauseRef} type="button" className="btn btn-primary" data-testid="controls.pause" data-runbar="" aria-keyshortcuts="Space"
            onClick={() => { pause(); queueMicrotask(() => playRef.current?.focus()); }}>
            <Icon name="pause" /> Pause <Kbd>Space</Kbd>
          </button>
        ) : (
          <button ref={playRef} type="button" className="btn btn-primary" data-testid="controls.run" data-runbar="" aria-keyshortcuts="Space"
            disabled={!usable || status === 'ended'} title="Run the model at the chosen speed"
            onClick={() => { play(); queueMicrotask(() => pauseRef.current?.focus()); }}>
            <Icon name="run" /> Play <Kbd>Space</Kbd>
          </button>
        )}
        <button type="button" className="btn" data-testid="time.back" data-runbar="" aria-keyshortcuts="ArrowLeft"
          disabled={!usable || !canBack} title="Back to where the last step or play started (replayed exactly)" onClick={() => stepBack()}>
          Back <Kbd>←</Kbd>
        </button>
        <button type="button" className="btn" data-testid="controls.step" data-runbar="" aria-keyshortcuts="ArrowRight"
          disabled={!usable || status === 'ended'} title="Run exactly one event of the model, then pause" onClick={() => stepForward('event')}>
          <Icon name="step" /> Event <Kbd>→</Kbd>
        </button>
        <button type="button" className="btn" data-testid="time.stepCrossing" data-runbar="" aria-keyshortcuts="C"
          disabled={!usable || status === 'ended'} title="Run until the next layer crossing (a call or segment moving between layers)" onClick={() => stepForward('crossing')}>
          Crossing <Kbd>C</Kbd>
        </button>
        <button type="button" className="btn" data-testid="time.stepPacket" data-runbar="" aria-keyshortcuts="N"
          disabled={!usable || status === 'ended'} title="Run until the next frame on the wire or I2O message on the bus" onClick={() => stepForward('packet')}>
          Packet <Kbd>N</Kbd>
        </button>
        <button type="button" className="btn" data-testid="controls.reset" data-runbar="" aria-keyshortcuts="R"
          disabled={status === 'idle' || status === 'starting'} title="Rebuild the scenario at time zero (same seed)" onClick={startScenario}>
          <Icon name="reset" /> Reset <Kbd>R</Kbd>
        </button>
      </div>
      <label className="runbar-speed">
        Speed <Kbd>− +</Kbd>
        <select data-testid="time.speed" value={speedIndex < 0 ? SPEEDS.length - 1 : speedIndex}
          onChange={(e) => setSpeed(SPEEDS[Number(e.target.value)]!.nsPerSecond)}>
          {SPEEDS.map((s, i) => <option key={s.label} value={i}>{s.label}</option>)}
        </select>
      </label>
      <RunClock usable={usable} isScenario={isScenario} status={status} />
      <p className={`run-status run-status-${status}`} data-testid="controls.status" role="status">
        <span className="run-dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
      </p>
      <div className="runbar-world">
        <span className="seed-chip" data-testid="live.seed" title="The scenario's seed: change it under Controls & sharing">seed {seed}</span>
        <label className="runbar-check">
          <input type="checkbox" checked={showStateless} data-testid="time.stateless" title="Adds the third configuration to the scenario: the host stack with TSO, GSO and LRO on an ordinary NIC"
            onChange={(e) => setParameter('configurations', (e.target.checked ? ['native', 'stateless', 'offload'] : configurations.filter((c) => c !== 'stateless')).join(','))} />
          with stateless (TSO/GSO/LRO)
        </label>
        <Disclosure />
        <a className="runbar-jump" href="#results" data-testid="controls.jumpResults">What offload saves, charts and sweeps ↓</a>
        <a className="runbar-jump" href="#setup" data-testid="controls.jumpSetup">Scenario controls and sharing ↓</a>
      </div>
    </section>
  );
}
