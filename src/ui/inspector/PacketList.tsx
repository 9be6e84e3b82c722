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
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { formatNanos } from '../../sim';
import { select } from '../state/views-actions';
import type { PacketRow } from './packet-rows';
import { isNavKey, navigate, revealRow, rowWindow } from './row-window';

export const ROW_HEIGHT = 20;
const OVERSCAN = 8;

const chooseRow = (r: PacketRow) => select({ kind: 'frame', configuration: r.frame.configuration, no: r.frame.no });

interface RowProps {
  readonly row: PacketRow;
  readonly index: number;
  readonly on: boolean;
  readonly onKey: (e: KeyboardEvent<HTMLDivElement>, index: number) => void;
}

const Row = memo(function Row({ row: r, index, on, onKey }: RowProps) {
  const cls = `insp-row${index % 2 === 0 ? ' insp-row-alt' : ''}${on ? ' insp-row-on' : ''}`;
  return (
    <div role="option" aria-selected={on} aria-posinset={index + 1} tabIndex={0}
      className={cls} style={{ top: index * ROW_HEIGHT }} data-index={index}
      data-testid="inspector.row" data-syn={r.isSyn || undefined} data-layer={r.layer}
      onClick={() => chooseRow(r)} onKeyDown={(e) => onKey(e, index)}>
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
}

export function PacketList({ rows, chosen, empty }: PacketListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
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

  const scrollTo = (top: number) => {
    const el = ref.current;
    if (!el || el.scrollTop === top) return;
    el.scrollTop = top;
    setScrollTop(el.scrollTop);
  };

  // A selection made anywhere is brought into view (no movement when it already is).
  useEffect(() => {
    const el = ref.current;
    if (chosenIndex >= 0 && el) scrollTo(revealRow(chosenIndex, ROW_HEIGHT, el.clientHeight, el.scrollTop));
  }, [chosenIndex]);

  const rowElement = (index: number) => ref.current?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;

  // Keyboard navigation: a target row out of the window is rendered once scrolled to, then focused.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const target = rowElement(pendingFocus.current);
    if (!target) return;
    pendingFocus.current = null;
    target.focus({ preventScroll: true });
  });

  const onKeyNow = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const r = rows[index];
    if ((e.key === 'Enter' || e.key === ' ') && r) {
      e.preventDefault();
      chooseRow(r);
      return;
    }
    if (!isNavKey(e.key)) return;
    const el = ref.current;
    const to = navigate(e.key, index, count, Math.floor((el?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT));
    if (to === null || !el) return;
    e.preventDefault();
    scrollTo(revealRow(to, ROW_HEIGHT, el.clientHeight, el.scrollTop));
    const target = rowElement(to);
    if (target) target.focus({ preventScroll: true });
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
    shown.push(<Row key={`${r.frame.configuration}:${r.frame.no}`} row={r} index={i} on={r === chosen} onKey={onKey} />);
  }
  // A listbox must hold options (axe aria-required-children): while nothing is listed the
  // pane is a plain region that says why.
  return (
    <div ref={ref} className="insp-list" role={count > 0 ? 'listbox' : 'region'} aria-label="Captured frames and messages"
      data-testid="inspector.list" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      {count === 0
        ? <p className="insp-empty">{empty}</p>
        : <div className="insp-rows" style={{ height: w.totalHeight }}>{shown}</div>}
    </div>
  );
}
