// Sweeps: choose one or two numeric parameters (path, from, to, steps) and a figure;
// the points run on a pool of workers sized to the machine, with a progress bar and
// Cancel, and appear in the chart as they complete. A 1-D sweep of the gain draws the
// LAWS gain and bound over the simulated one and marks the crossings of gain 1.
import { useEffect, useMemo, useRef, useState } from 'react';
import { axisValues, lawsSweep, type SweepAxis } from '../../scenario';
import { useLab } from '../state/store';
import { poolSize, runPool, type PoolRun } from './pool';
import { readAxes, sweepablePaths, sweepConfigurations, type AxisDraft } from './sweep-form';
import type { SweepJob } from './sweep-job';
import { SWEEP_METRICS, type SweepMetric, type SweepPointSummary } from './sweep-types';
import { browserSweepWorker, sweepSlot } from './worker-slot';
import { SweepLineChart } from './SweepLineChart';
import { SweepHeatmap } from './SweepHeatmap';
import './Sweep.css';

interface Finished {
  readonly axes: SweepAxis[];
  readonly values: number[][];
  readonly metric: SweepMetric;
  readonly points: (SweepPointSummary | undefined)[];
  readonly laws: ReturnType<typeof lawsSweep> | null;
  readonly failures: string[];
}

const DEFAULT_A: AxisDraft = { path: 'inic.iopClockMHz', from: '100', to: '1200', steps: '12' };
const DEFAULT_B: AxisDraft = { path: 'workload.messageBytes', from: '1024', to: '65536', steps: '4' };

function AxisFields({ k, draft, set, paths, errors }: {
  k: 'a' | 'b'; draft: AxisDraft; set: (d: AxisDraft) => void; paths: ReturnType<typeof sweepablePaths>; errors: Record<string, string>;
}) {
  const p = paths.find((x) => x.path === draft.path);
  const field = (name: 'from' | 'to' | 'steps') => (
    <label>
      {name}{' '}
      <input type="text" inputMode="decimal" value={draft[name]} data-testid={`sweep.${k}.${name}`} aria-invalid={errors[`${k}.${name}`] !== undefined}
        onChange={(e) => set({ ...draft, [name]: e.target.value })} />
    </label>
  );
  return (
    <fieldset className="sweep-axis">
      <legend>{k === 'a' ? 'Parameter' : 'Second parameter'}</legend>
      <select value={draft.path} data-testid={`sweep.${k}.path`} onChange={(e) => {
        const q = paths.find((x) => x.path === e.target.value);
        set({ ...draft, path: e.target.value, ...(q ? { from: String(q.min), to: String(Math.min(q.max, q.min * 10 || q.max)) } : {}) });
      }}>
        {paths.map((x) => <option key={x.path} value={x.path}>{x.path}</option>)}
      </select>
      {field('from')}{field('to')}{field('steps')}
      <span className="sweep-unit">{p ? `${p.unit} (range ${p.min}–${p.max})` : ''}</span>
      {Object.entries(errors).filter(([key]) => key.startsWith(`${k}.`)).map(([key, msg]) => (
        <p key={key} className="param-error" role="alert" data-testid={`sweep.error.${key}`}>{key.slice(2)} {msg}</p>
      ))}
    </fieldset>
  );
}

export function SweepPanel() {
  const scenario = useLab((s) => s.scenario);
  const paths = useMemo(() => sweepablePaths(scenario), [scenario]);
  const [a, setA] = useState<AxisDraft>(DEFAULT_A);
  const [b, setB] = useState<AxisDraft>(DEFAULT_B);
  const [twoD, setTwoD] = useState(false);
  const [metric, setMetric] = useState<SweepMetric>('gain');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState<'idle' | 'running' | 'done' | 'cancelled'>('idle');
  const [result, setResult] = useState<Finished | null>(null);
  const runRef = useRef<PoolRun<SweepPointSummary> | null>(null);
  const workers = poolSize(typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency);

  useEffect(() => () => runRef.current?.cancel(), []);
  // The swept parameter's unit, so the chart's axis and crossover read "571 MHz", not "571".
  const unitOf = (path: string) => paths.find((x) => x.path === path)?.unit ?? '';
  const titleOf = (path: string) => (unitOf(path) ? `${path} (${unitOf(path)})` : path);

  const start = () => {
    const read = readAxes(scenario, twoD ? [a, b] : [a]);
    if (!read.ok) { setErrors(read.errors); return; }
    setErrors({});
    const configurations = sweepConfigurations(scenario, metric);
    const jobs: SweepJob[] = read.points.map((point) => ({ base: scenario, point, configurations }));
    const values = read.axes.map((ax) => axisValues(scenario, ax));
    const laws = read.axes.length === 1 ? lawsSweep(scenario, read.axes[0]!.path, values[0]!) : null;
    const points: (SweepPointSummary | undefined)[] = new Array(jobs.length).fill(undefined);
    const failures: string[] = [];
    setResult({ axes: read.axes, values, metric, points: [...points], laws, failures });
    setProgress({ done: 0, total: jobs.length });
    setStatus('running');
    const run = runPool(jobs, workers, () => sweepSlot(browserSweepWorker), {
      onResult: (i, r) => {
        if (r.ok) points[i] = r.value;
        else failures.push(`point ${i + 1}: ${r.error}`);
        setResult({ axes: read.axes, values, metric, points: [...points], laws, failures: [...failures] });
      },
      onProgress: (p) => setProgress({ done: p.done, total: p.total }),
    });
    runRef.current = run;
    void run.done.then((o) => { if (runRef.current === run) setStatus(o.cancelled ? 'cancelled' : 'done'); });
  };

  const cancel = () => {
    runRef.current?.cancel();
  };

  const lawsPoints = result?.laws && result.laws.ok ? result.laws.sweep.points : null;
  return (
    <section className="sweep" aria-labelledby="sweep-title" data-testid="sweep.panel">
      <h2 id="sweep-title">Sweep: when does offload stop paying?</h2>
      <p className="sweep-about">
        Each point is a full run of the current scenario with the parameter set, on {workers} worker{workers === 1 ? '' : 's'} (one per core).
        The gain is offload&apos;s goodput over native&apos;s; the dashed LAWS curves are the analytic model of Shivam and Chase for the same scenario.
      </p>
      <div className="sweep-form">
        <AxisFields k="a" draft={a} set={setA} paths={paths} errors={errors} />
        <label className="sweep-2d"><input type="checkbox" checked={twoD} data-testid="sweep.twoD" onChange={(e) => setTwoD(e.target.checked)} /> 2-D (heatmap)</label>
        {twoD ? <AxisFields k="b" draft={b} set={setB} paths={paths} errors={errors} /> : null}
        <label>
          Figure{' '}
          <select value={metric} data-testid="sweep.metric" onChange={(e) => setMetric(e.target.value as SweepMetric)}>
            {Object.entries(SWEEP_METRICS).map(([k, m]) => <option key={k} value={k}>{m.label}</option>)}
          </select>
        </label>
        <div className="sweep-buttons">
          <button type="button" className="btn btn-primary" data-testid="sweep.run" disabled={status === 'running'} onClick={start}>Run sweep</button>
          <button type="button" className="btn" data-testid="sweep.cancel" disabled={status !== 'running'} onClick={cancel}>Cancel</button>
        </div>
        {errors.sweep ? <p className="param-error" role="alert" data-testid="sweep.error.sweep">{errors.sweep}</p> : null}
      </div>
      {progress ? (
        <div className="sweep-progress" data-testid="sweep.progress" data-done={progress.done} data-total={progress.total} data-status={status}>
          <progress max={progress.total} value={progress.done} aria-label="Sweep progress" />
          <span data-testid="sweep.progressText">
            {progress.done} of {progress.total} points{status === 'running' ? ' (running)' : status === 'cancelled' ? ' (cancelled)' : ' (done)'}
          </span>
        </div>
      ) : null}
      {result ? (
        result.axes.length === 1 ? (
          <SweepLineChart xs={result.values[0]!} xLabel={result.axes[0]!.path} xUnit={unitOf(result.axes[0]!.path)} points={result.points} metric={result.metric} laws={result.metric === 'gain' ? lawsPoints : null} />
        ) : (
          <SweepHeatmap xsA={result.values[0]!} xsB={result.values[1]!} labelA={titleOf(result.axes[0]!.path)} labelB={titleOf(result.axes[1]!.path)}
            points={result.points} metric={result.metric} configuration="offload" />
        )
      ) : null}
      {result?.laws && !result.laws.ok ? <p className="sweep-note">LAWS cannot be drawn for this parameter: {result.laws.errors.map((e) => `${e.path} ${e.message}`).join('; ')}</p> : null}
      {result && result.failures.length > 0 ? <ul className="param-error" data-testid="sweep.failures">{result.failures.slice(0, 5).map((f) => <li key={f}>{f}</li>)}</ul> : null}
    </section>
  );
}
