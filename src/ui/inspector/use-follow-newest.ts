// "Follow newest" for the inspector's list: while following, every update leaves the list
// scrolled to its end (the newest frame); the person scrolling up, moving through the rows
// with the keyboard or selecting a frame stops it, and from then on an update keeps the
// frame at the top of the pane in place (scroll-anchor.ts), even as the capture's cap
// evicts older frames above it. `follow()` (the Jump to newest control) starts it again;
// so does a new capture (the list empties on a restart).
//
// Contract: the hook owns the list's scroll offset. `scrollTo(top)` is the only way the
// list is scrolled from code (it keeps the anchor in step); `onScroll` and `onWheel` go on
// the scrolling element. `arrived` counts the listed frames captured since following
// stopped (0 while following). Scrolling that the hook did itself never stops following:
// it leaves the list at its end, which is what following means.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent, type WheelEvent } from 'react';
import { arrivedSince } from './capture-extent';
import type { PacketRow } from './packet-rows';
import { anchorAt, anchoredTop, atBottom, type ScrollAnchor } from './scroll-anchor';

export interface FollowNewest {
  readonly following: boolean;
  readonly arrived: number;
  readonly scrollTop: number;
  readonly scrollTo: (top: number) => void;
  readonly stop: () => void;
  readonly follow: () => void;
  readonly onScroll: (e: UIEvent<HTMLDivElement>) => void;
  readonly onWheel: (e: WheelEvent<HTMLDivElement>) => void;
}

/** The offset that shows the end of the list, read from the laid-out element. */
const endOf = (el: HTMLElement) => Math.max(0, el.scrollHeight - el.clientHeight);

export function useFollowNewest(
  ref: RefObject<HTMLDivElement | null>, rows: readonly PacketRow[], rowHeight: number, viewport: number,
  captureEnd: Readonly<Record<string, number>>, followAtStart: boolean,
): FollowNewest {
  const [following, setFollowing] = useState(followAtStart);
  // Per configuration, the next frame number when following stopped (null while following).
  const [marks, setMarks] = useState<Readonly<Record<string, number>> | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const followingRef = useRef(followAtStart);
  const anchor = useRef<ScrollAnchor<PacketRow> | null>(null);
  const latest = useRef({ rows, captureEnd });
  useLayoutEffect(() => { latest.current = { rows, captureEnd }; });

  const scrollTo = useCallback((top: number) => {
    const el = ref.current;
    if (!el) return;
    if (el.scrollTop !== top) el.scrollTop = top;
    setScrollTop(el.scrollTop);
    anchor.current = anchorAt(latest.current.rows, el.scrollTop, rowHeight);
  }, [ref, rowHeight]);

  const stop = useCallback(() => {
    if (!followingRef.current) return;
    followingRef.current = false;
    setFollowing(false);
    setMarks(latest.current.captureEnd);
    // Anchor where the list is now: a scroll made just before (a click's scroll into
    // view) may not have sent its scroll event yet.
    const el = ref.current;
    if (el) anchor.current = anchorAt(latest.current.rows, el.scrollTop, rowHeight);
  }, [ref, rowHeight]);

  const follow = useCallback(() => {
    followingRef.current = true;
    setFollowing(true);
    setMarks(null);
    const el = ref.current;
    if (el) scrollTo(endOf(el));
  }, [ref, scrollTo]);

  // After every change of the rows or the pane: to the end while following; else, when
  // the rows changed, back to the anchored frame (only then: the anchor is where the
  // person left the list, and nothing else moves it). A list that emptied is a new
  // capture: follow it.
  const laidOut = useRef<readonly PacketRow[] | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const changed = laidOut.current !== rows;
    laidOut.current = rows;
    if (rows.length === 0 && !followingRef.current) {
      followingRef.current = true;
      setFollowing(true);
      setMarks(null);
    }
    if (followingRef.current) scrollTo(endOf(el));
    else if (changed && anchor.current) scrollTo(anchoredTop(rows, anchor.current, rowHeight));
  }, [ref, rows, rowHeight, viewport, following, scrollTo]);

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScrollTop(el.scrollTop);
    anchor.current = anchorAt(latest.current.rows, el.scrollTop, rowHeight);
    // The hook only ever scrolls to the end while following: anything above it is the person.
    if (followingRef.current && !atBottom(el.scrollTop, el.clientHeight, el.scrollHeight)) stop();
  }, [rowHeight, stop]);

  // A wheel turned upwards is the person's intent even before the scroll lands (an update
  // arriving in between would otherwise put the list back at its end).
  const onWheel = useCallback((e: WheelEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (e.deltaY < 0 && el.scrollHeight > el.clientHeight) stop();
  }, [stop]);

  const arrived = following || marks === null ? 0 : arrivedSince(rows, marks);
  return { following, arrived, scrollTop, scrollTo, stop, follow, onScroll, onWheel };
}
