// In-process CPU profile of one piece of work through node:inspector (V8's
// sampling profiler, the same one `node --cpu-prof` uses), summed by self time
// per source area: the folders of src/ named in AREAS, garbage collection, and
// everything else. Used by the model bench to say what dominates.
import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface Profile {
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

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    s.post(method, params ?? {}, (err, res) => (err === null ? resolve(res as T) : reject(err)));
  });
}

/** Profiles `work()` (sampling every 200 µs) and returns the shares by area. */
export async function profileAreas(work: () => void): Promise<AreaShare[]> {
  const s = new Session();
  s.connect();
  try {
    await post(s, 'Profiler.enable');
    await post(s, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(s, 'Profiler.start');
    work();
    const { profile } = await post<{ profile: Profile }>(s, 'Profiler.stop');
    return shareByArea(profile);
  } finally {
    s.disconnect();
  }
}
