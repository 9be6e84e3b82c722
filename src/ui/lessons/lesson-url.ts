// A lesson and its step in the page's address: `?lesson=article&step=4` (1-based).
// The query is used, not the fragment, because the fragment carries the scenario
// (`#lab=`, src/ui/share) and is rewritten on every change.
export interface LessonLocation { readonly id: string; readonly step: number }

export function readLessonLocation(search: string): LessonLocation | null {
  const q = new URLSearchParams(search);
  const id = q.get('lesson');
  if (id === null || !/^[a-z0-9-]+$/.test(id)) return null;
  const step = Number.parseInt(q.get('step') ?? '1', 10);
  return { id, step: Number.isFinite(step) && step >= 1 ? step : 1 };
}

/** The search string with the lesson set (or removed when `loc` is null), other parameters kept. */
export function withLessonLocation(search: string, loc: LessonLocation | null): string {
  const q = new URLSearchParams(search);
  q.delete('lesson');
  q.delete('step');
  if (loc) { q.set('lesson', loc.id); q.set('step', String(loc.step)); }
  const s = q.toString();
  return s ? `?${s}` : '';
}
