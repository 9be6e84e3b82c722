// The measure worker's message handling (measure.worker.ts binds it to the worker's
// scope; tests call it in process): one MeasureSession at a time, driven by the page.
//
// Contract: `start` builds a session and answers `ready` (or `error`); `slice` runs one
// slice and answers with its parts; `rewind` moves the session to a simulated instant
// (back: rebuilt and replayed) and answers with everything recorded up to there and
// `reset: true`; `live` gives the session the lab's live change list (measure-live.ts)
// and answers with what that moved (a slice; `reset: true` when the runs were rebuilt
// and replayed because the list rewrote their past). Requests of another epoch than the last `start` get no answer. Every
// failure is an `error` reply, never an exception.
import type { MeasureLiveChange } from './measure-live';
import { MeasureSession, type MeasureProgress, type MeasureSlice } from './measure-session';

export type MeasureRequest =
  | { type: 'start'; epoch: number; a: unknown; b: unknown | null; live?: readonly MeasureLiveChange[] }
  | { type: 'live'; epoch: number; changes: readonly MeasureLiveChange[]; untilNanos?: number }
  | { type: 'slice'; epoch: number; maxEvents: number; untilNanos?: number }
  | { type: 'rewind'; epoch: number; nanos: number };

export type MeasureReply =
  | { type: 'ready'; epoch: number; progress: MeasureProgress }
  | { type: 'slice'; epoch: number; slice: MeasureSlice; reset?: boolean }
  | { type: 'error'; epoch: number; error: string };

export class MeasureHost {
  private session: MeasureSession | null = null;
  private epoch = -1;

  handle(m: MeasureRequest): MeasureReply | null {
    try {
      if (m.type === 'start') {
        this.epoch = m.epoch;
        const made = MeasureSession.create(m.a, m.b, m.live ?? []);
        this.session = made.ok ? made.session : null;
        return made.ok ? { type: 'ready', epoch: m.epoch, progress: made.session.progress } : { type: 'error', epoch: m.epoch, error: made.error };
      }
      if (m.epoch !== this.epoch || !this.session) return null;
      if (m.type === 'rewind') {
        const s = this.session.rewind(m.nanos);
        if (typeof s === 'string') {
          this.session = null;
          return { type: 'error', epoch: m.epoch, error: s };
        }
        return { type: 'slice', epoch: m.epoch, slice: s, reset: true };
      }
      if (m.type === 'live') {
        const r = this.session.setLive(m.changes, m.untilNanos);
        if (typeof r === 'string') {
          this.session = null;
          return { type: 'error', epoch: m.epoch, error: r };
        }
        return { type: 'slice', epoch: m.epoch, slice: r.slice, ...(r.reset ? { reset: true } : {}) };
      }
      return { type: 'slice', epoch: m.epoch, slice: this.session.slice(m.maxEvents, m.untilNanos) };
    } catch (err) {
      this.session = null;
      return { type: 'error', epoch: m.epoch, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
