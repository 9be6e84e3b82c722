// Loading lesson files: fetched relative to the page (`lessons/<id>.json`, so the lab
// works from any path), validated with parseLesson; errors are shown as
// `step N ("title"): field: message`.
import { useEffect, useState } from 'react';
import { formatLessonError, parseLesson, type Lesson } from '../../scenario/lessons';

export type LessonLoad = { status: 'loading' } | { status: 'ready'; lesson: Lesson } | { status: 'error'; errors: string[] };

export async function fetchLesson(id: string): Promise<LessonLoad> {
  try {
    const res = await fetch(`lessons/${id}.json`);
    if (!res.ok) return { status: 'error', errors: [`lesson '${id}' was not found (lessons/${id}.json: HTTP ${res.status})`] };
    const json: unknown = await res.json();
    const p = parseLesson(json);
    return p.ok ? { status: 'ready', lesson: p.lesson } : { status: 'error', errors: p.errors.map((e) => formatLessonError(e, json)) };
  } catch (e) {
    return { status: 'error', errors: [`lesson '${id}' could not be read: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

export function useLessonFile(id: string | null): LessonLoad | null {
  const [load, setLoad] = useState<{ id: string; load: LessonLoad } | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    void fetchLesson(id).then((l) => { if (live) setLoad({ id, load: l }); });
    return () => { live = false; };
  }, [id]);
  if (id === null) return null;
  return load?.id === id ? load.load : { status: 'loading' };
}
