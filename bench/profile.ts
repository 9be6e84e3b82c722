// In-process CPU profile of one piece of work through node:inspector (V8's
// sampling profiler, the same one `node --cpu-prof` uses), summed by self time
// per source area (the folders of src/ named in AREAS, garbage collection, and
// everything else) and per function (name and file). Used by the model
// bench to say what dominates.
import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

/** Source areas, most specific first: a frame counts for the first that its path contains. */
const AREAS: readonly string[] = [
  'src/net/tcp/', 'src/net/stack/', 'src/net/wire/', 'src/net/link/', 'src/net/payload', 'src/net/',
  'src/sim/', 'src/model/host/', 'src/model/nic/', 'src/model/workloads/', 'src/model/metrics/', 'src/model/bus/', 'src/model/',
  'src/scenario/',
];

export interface AreaShare {
  area: string;
  /** Fraction of the non-idle samples, 0..1. */
  share: number;
}

/** Where the profile's non-idle samples fell, largest share first. */
export function shareByArea(p: Profile): AreaShare[] {
  const areaOf = new Map<number, string | null>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') areaOf.set(n.id, null);
    else if (f.functionName === '(garbage collector)') areaOf.set(n.id, 'garbage collector');
    else areaOf.set(n.id, AREAS.find((a) => f.url.includes(a))?.replace(/\/$/, '') ?? 'other');
  }
  const counts = new Map<string, number>();
  let total = 0;
  for (const s of p.samples) {
    const a = areaOf.get(s);
    if (a === null || a === undefined) continue;
    counts.set(a, (counts.get(a) ?? 0) + 1);
    total += 1;
  }
  return [...counts].map(([area, c]) => ({ area, share: c / Math.max(1, total) })).sort((a, b) => b.share - a.share);
}

export interface FunctionShare {
  /** `name file` (the file from src/ or bench/ on when it lies there). */
  fn: string;
  /** Fraction of the non-idle samples, 0..1. */
  share: number;
}

/** Self time per function (all its profile nodes together), largest share first. */
export function shareByFunction(p: Profile): FunctionShare[] {
  const fnOf = new Map<number, string | null>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') fnOf.set(n.id, null);
    else {
      const at = f.url.search(/(src|bench)\//);
      const file = at >= 0 ? f.url.slice(at) : f.url;
      fnOf.set(n.id, `${f.functionName === '' ? '(anonymous)' : f.functionName}${file === '' ? '' : ` ${file}`}`);
    }
  }
  const counts = new Map<string, number>();
  let total = 0;
  for (const s of p.samples) {
    const fn = fnOf.get(s);
    if (fn === null || fn === undefined) continue;
    counts.set(fn, (counts.get(fn) ?? 0) + 1);
    total += 1;
  }
  return [...counts].map(([fn, c]) => ({ fn, share: c / Math.max(1, total) })).sort((a, b) => b.share - a.share);
}

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    s.post(method, params ?? {}, (err, res) => (err === null ? resolve(res as T) : reject(err)));
  });
}

/** Profiles `work()` (sampling every `intervalUs` µs) and returns V8's profile. */
export async function profileWork(work: () => void, intervalUs = 200): Promise<Profile> {
  const s = new Session();
  s.connect();
  try {
    await post(s, 'Profiler.enable');
    await post(s, 'Profiler.setSamplingInterval', { interval: intervalUs });
    await post(s, 'Profiler.start');
    work();
    const { profile } = await post<{ profile: Profile }>(s, 'Profiler.stop');
    return profile;
  } finally {
    s.disconnect();
  }
}

/** Profiles `work()` (sampling every 200 µs) and returns the shares by area. */
export async function profileAreas(work: () => void): Promise<AreaShare[]> {
  return shareByArea(await profileWork(work));
}
