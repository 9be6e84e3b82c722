// The inspector's list of captured frames, virtualized: every row has the same height
// (ROW_HEIGHT px, Inspector.css), and only the rows in view plus an overscan are in the
// DOM (row-window.ts), so a list of thousands of frames costs what a screenful does.
// Rows are keyed by their frame (configuration and frame number) and memoized, so an
// update that appends frames below the window re-renders no row at all.
//
// Contract: a listbox of `option`s (data-testid `inspector.row`, with aria-posinset and
// aria-setsize since most options are not in the DOM; data-index is the row's index). Clicking a row or Enter/Space on
// it selects its frame; ArrowUp/Down, PageUp/Down, Home and End move the focus through
// the whole list, scrolling the next row into view first. When the selection changes
// (here or in another view), the selected row is scrolled into view.
// Follow newest (use-follow-newest.ts): while following, the list stays at its end as
// frames arrive; scrolling up, focusing or moving through the rows, or selecting a frame
// stops it (a focused row must not scroll away and lose its focus), and the strip under
// the list (FollowControl) brings it back.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { formatNanos } from '../../sim';
import { select } from '../state/views-actions';
import { FollowControl } from './FollowControl';
import type { PacketRow } from './packet-rows';
import { isNavKey, navigate, revealRow, rowWindow } from './row-window';
import { useFollowNewest } from './use-follow-newest';

export const ROW_HEIGHT = 20;
const OVERSCAN = 8;

/** Focuses a row the list has already scrolled into its own view, then brings it into the
 *  page's view too (the list may reach below the fold): `nearest` moves the page only as
 *  far as needed and leaves the list, where the row is already wholly visible, alone. */
function focusRow(el: HTMLElement): void {
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

const chooseRow = (r: PacketRow) => select({ kind: 'frame', configuration: r.frame.configuration, no: r.frame.no });

interface RowProps {
  readonly row: PacketRow;
  readonly index: number;
  readonly on: boolean;
  readonly onKey: (e: KeyboardEvent<HTMLDivElement>, index: number) => void;
  readonly onPick: (r: PacketRow) => void;
}

const Row = memo(function Row({ row: r, index, on, onKey, onPick }: RowProps) {
  const cls = `insp-row${index % 2 === 0 ? ' insp-row-alt' : ''}${on ? ' insp-row-on' : ''}`;
  return (
    <div role="option" aria-selected={on} aria-posinset={index + 1} tabIndex={0}
      className={cls} style={{ top: index * ROW_HEIGHT }} data-index={index}
      data-testid="inspector.row" data-syn={r.isSyn || undefined} data-layer={r.layer}
      title={r.summary} onClick={() => onPick(r)} onKeyDown={(e) => onKey(e, index)}>
      <span className="insp-t">{formatNanos(r.frame.t)}</span>
      <span className="insp-cfg">{r.frame.configuration}</span>
      <span className="insp-src">{r.frame.source}</span>
      <span className="insp-sum">{r.summary}</span>
    </div>
  );
});

export interface PacketListProps {
  readonly rows: readonly PacketRow[];
  readonly chosen: PacketRow | undefined;
  readonly empty: string;
  /** The selected frame ("configuration:no"), whether or not it is listed; null for none. */
  readonly selectedKey: string | null;
  /** Per configuration, the number of the next frame to be captured (capture-extent captureEnds). */
  readonly captureEnd: Readonly<Record<string, number>>;
  /** Follow the newest frame from the start (read once, when the list mounts). */
  readonly followAtStart: boolean;
}

export function PacketList({ rows, chosen, empty, selectedKey, captureEnd, followAtStart }: PacketListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(400);
  // A row to focus once it is rendered (keyboard navigation to a row out of the window).
  const pendingFocus = useRef<number | null>(null);
  const count = rows.length;
  const chosenIndex = chosen ? rows.indexOf(chosen) : -1;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const { following, arrived, scrollTop, scrollTo, stop, follow, onScroll, onWheel } =
    useFollowNewest(ref, rows, ROW_HEIGHT, viewport, captureEnd, followAtStart);

  // A selection made anywhere stops following and is brought into view (no movement when
  // it already is). Keyed on the selection, not its index: the index moves as older frames
  // are evicted, and that must not pull the list back to a selection scrolled away from.
  const chosenIndexRef = useRef(chosenIndex);
  useLayoutEffect(() => { chosenIndexRef.current = chosenIndex; });
  useEffect(() => {
    const el = ref.current;
    const at = chosenIndexRef.current;
    if (selectedKey === null || at < 0 || !el) return;
    stop();
    scrollTo(revealRow(at, ROW_HEIGHT, el.clientHeight, el.scrollTop));
  }, [selectedKey, stop, scrollTo]);

  const onPick = useCallback((r: PacketRow) => {
    stop();
    chooseRow(r);
  }, [stop]);

  const rowElement = (index: number) => ref.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;

  // Keyboard navigation: a target row out of the window is rendered once scrolled to, then focused.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const target = rowElement(pendingFocus.current);
    if (!target) return;
    pendingFocus.current = null;
    focusRow(target);
  });

  const onKeyNow = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const r = rows[index];
    if ((e.key === 'Enter' || e.key === ' ') && r) {
      e.preventDefault();
      onPick(r);
      return;
    }
    if (!isNavKey(e.key)) return;
    // Moving through the rows is reading them: the list stops following.
    stop();
    const el = ref.current;
    const to = navigate(e.key, index, count, Math.floor((el?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT));
    if (to === null || !el) return;
    e.preventDefault();
    scrollTo(revealRow(to, ROW_HEIGHT, el.clientHeight, el.scrollTop));
    const target = rowElement(to);
    if (target) focusRow(target);
    else pendingFocus.current = to;
  };
  // One stable handler for every row (a new one per render would defeat the rows' memo).
  const keyRef = useRef(onKeyNow);
  useLayoutEffect(() => { keyRef.current = onKeyNow; });
  const onKey = useCallback((e: KeyboardEvent<HTMLDivElement>, index: number) => keyRef.current(e, index), []);

  // aria-setsize is written onto the rendered rows here rather than passed as a prop: a
  // prop that moves with every appended frame would re-render every row in the window.
  useLayoutEffect(() => {
    for (const el of ref.current?.querySelectorAll('[role="option"]') ?? []) el.setAttribute('aria-setsize', String(count));
  });

  const w = rowWindow({ count, rowHeight: ROW_HEIGHT, viewportHeight: viewport, scrollTop, overscan: OVERSCAN });
  const shown: ReactElement[] = [];
  for (let i = w.start; i < w.end; i++) {
    const r = rows[i]!;
    shown.push(<Row key={`${r.frame.configuration}:${r.frame.no}`} row={r} index={i} on={r === chosen} onKey={onKey} onPick={onPick} />);
  }
  // A listbox must hold options (axe aria-required-children): while nothing is listed the
  // pane is a plain region that says why.
  return (
    <div className="insp-listcol">
      <div ref={ref} className="insp-list" role={count > 0 ? 'listbox' : 'region'} aria-label="Captured frames and messages"
        data-testid="inspector.list" data-following={following} onScroll={onScroll} onWheel={onWheel}
        onFocus={(e) => { if (e.target !== e.currentTarget) stop(); }}>
        {count === 0
          ? <p className="insp-empty">{empty}</p>
          : <div className="insp-rows" style={{ height: w.totalHeight }}>{shown}</div>}
      </div>
      <FollowControl following={following} arrived={arrived} onFollow={follow} onStop={stop} />
    </div>
  );
}
