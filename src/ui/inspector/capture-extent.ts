// What the inspector can say about the capture it holds: per configuration how many
// frames the model captured and how many the page still keeps (views/feed/view-feed.ts
// keeps the newest `frameCapacity` of each configuration, and the worker's FrameLog keeps
// no more, so frames older than those are gone from everywhere, the pcapng download
// included: it is written from the kept frames), the plain sentence that says so, and
// what to say in the detail pane when the selected frame is not among the kept ones.
//
// Contract: pure functions of frames and numbers, no DOM, never throw. Frame numbers
// (`no`) count from 0 per configuration and only grow (worker/frame-log.ts), so the
// frames captured so far are the newest frame's number plus one, whatever the page kept.
import { formatNanos } from '../../sim';
import { formatCount } from '../live/format';
import type { FeedFrame } from '../views/feed/view-feed';

export interface CaptureExtent {
  readonly configuration: string;
  /** Frames the page holds for this configuration. */
  readonly kept: number;
  /** Frames the model captured in this configuration so far (newest number + 1). */
  readonly captured: number;
  /** Number of the oldest and newest kept frame; null when none is kept. */
  readonly firstNo: number | null;
  readonly lastNo: number | null;
}

/**
 * The frames of one configuration captured at or before `now` (the run's clock: the
 * earliest of its worlds' times, scenario/run/run.ts). While the model runs, a world may
 * be up to a slice ahead of the others; its frames past the clock are a state the lab has
 * not shown yet, so the inspector lists them when the clock gets there. `frames` is in
 * capture order (time never decreases); the result is a copy (the feed splices its arrays
 * in place as frames arrive, and what a render read must not change under it).
 */
export function framesUpTo(frames: readonly FeedFrame[], now: number): readonly FeedFrame[] {
  let lo = 0;
  let hi = frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (frames[mid]!.t <= now) lo = mid + 1;
    else hi = mid;
  }
  return frames.slice(0, lo);
}

/** One extent per configuration, from its kept frames (oldest first, as the feed holds them). */
export function captureExtents(byConfiguration: readonly { readonly configuration: string; readonly frames: readonly FeedFrame[] }[]): CaptureExtent[] {
  return byConfiguration.map(({ configuration, frames }) => {
    const first = frames[0];
    const last = frames[frames.length - 1];
    return {
      configuration,
      kept: frames.length,
      captured: last ? last.no + 1 : 0,
      firstNo: first ? first.no : null,
      lastNo: last ? last.no : null,
    };
  });
}

/** Per configuration, the number the next captured frame will carry: what "new since" is measured from. */
export function captureEnds(extents: readonly CaptureExtent[]): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const e of extents) out[e.configuration] = e.captured;
  return out;
}

/** Rows (in any order) whose frame arrived after `ends` was taken: a configuration absent
 *  from `ends` had captured nothing then, so all of its frames are new. */
export function arrivedSince(frames: readonly { readonly frame: FeedFrame }[], ends: Readonly<Record<string, number>>): number {
  let n = 0;
  for (const { frame } of frames) if (frame.no >= (ends[frame.configuration] ?? 0)) n += 1;
  return n;
}

/**
 * The sentence the inspector shows once older frames have been dropped, or null while it
 * holds everything captured. `capacity`: frames kept per configuration.
 */
export function evictionNote(extents: readonly CaptureExtent[], capacity: number): string | null {
  const kept = extents.reduce((n, e) => n + e.kept, 0);
  const captured = extents.reduce((n, e) => n + e.captured, 0);
  if (captured <= kept) return null;
  const per = extents.length > 1 ? ' per configuration' : '';
  return `Showing the newest ${formatCount(kept)} of ${formatCount(captured)} captured frames (the lab keeps ${formatCount(capacity)}${per}): `
    + `the ${formatCount(captured - kept)} older ones are gone, and the pcapng download holds only these ${formatCount(kept)}.`;
}

/** What the detail pane knows of a frame once selected (so it can name it after eviction). */
export interface FrameMemo {
  readonly configuration: string;
  readonly no: number;
  readonly t: number;
  readonly summary: string;
}

/**
 * Why the selected frame (configuration, no) has no row, in words for the detail pane.
 * `seen`: the frame as it was last shown, when the pane showed it (same configuration and number).
 */
export function missingFrameNote(
  sel: { readonly configuration: string; readonly no: number }, extents: readonly CaptureExtent[], capacity: number, seen: FrameMemo | null,
): { readonly evicted: boolean; readonly text: string } {
  const known = seen && seen.configuration === sel.configuration && seen.no === sel.no ? seen : null;
  const name = known
    ? `The selected frame (${sel.configuration}, ${formatNanos(known.t)}: ${known.summary})`
    : `The selected frame (${sel.configuration}, capture number ${formatCount(sel.no)})`;
  const e = extents.find((x) => x.configuration === sel.configuration);
  if (!e || e.firstNo === null || e.lastNo === null) {
    return { evicted: false, text: `${name} is not in this capture. Select a frame in the list.` };
  }
  if (sel.no < e.firstNo) {
    return {
      evicted: true,
      text: `${name} was evicted: the lab keeps only the newest ${formatCount(capacity)} frames of each configuration `
        + `(${sel.configuration} now holds ${formatCount(e.kept)} of ${formatCount(e.captured)} captured), so its fields and bytes are gone. `
        + 'Select a frame in the list.',
    };
  }
  if (sel.no > e.lastNo) {
    return { evicted: false, text: `${name} is not captured yet at the time shown. Select a frame in the list, or play on.` };
  }
  // Between the oldest and the newest kept frame: the worker's ring overwrote it before
  // the page read it (a stream's framesDropped).
  return { evicted: false, text: `${name} never reached the page: the worker dropped it before sending it. Select a frame in the list.` };
}
