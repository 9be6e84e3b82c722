// The lesson file format (see FORMAT.md beside this file), as a zod schema,
// and `parseLesson`: a lesson file in, either a typed Lesson or errors that
// name the step (number and title) and the field, e.g.
//   step 3 ("The socket OSM"): question.answer.expr: unknown metric 'hostCpu'
// Every expression is parsed and its metrics checked against the step's
// configurations here, so a teacher's mistake shows before any run.
import { z } from 'zod';
import { CONFIGURATIONS } from '../schema';
import { parseExpr, references } from './expr';
import { metricProblem } from './metrics';

/** Layer names of DESIGN.md 1.2, as the architecture view names its boxes (src/ui/views/arch/layout.ts). */
export const LESSON_LAYERS = [
  'app', 'syscall', 'socket', 'inet', 'tcp', 'udp', 'ip', 'netdev', 'pci', 'nic', 'osm', 'i2o', 'irtos', 'ism', 'hdm', 'wire', 'peer',
] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const expr = z.string().min(1, 'an expression is required');

const scenarioSpec = z.strictObject({
  preset: z.string().min(1),
  overrides: z.record(z.string(), scalar).default({}),
  configurations: z.array(z.enum(CONFIGURATIONS)).min(1, 'at least one configuration'),
  durationMs: z.number().positive().max(2000, 'keep lesson runs short (at most 2000 ms simulated)'),
  warmupMs: z.number().min(0).default(5),
  seed: z.number().int().min(0).default(1),
});

const choice = z.strictObject({
  kind: z.literal('choice'),
  prompt: z.string().min(1),
  options: z.array(z.strictObject({ label: z.string().min(1), correctWhen: expr })).min(2, 'at least two options'),
  explain: z.string().min(1),
});

const numeric = z.strictObject({
  kind: z.literal('number'),
  prompt: z.string().min(1),
  unit: z.string().default(''),
  answer: z.strictObject({
    expr,
    tolerance: z.strictObject({ relative: z.number().min(0).optional(), absolute: z.number().min(0).optional() })
      .refine((t) => t.relative !== undefined || t.absolute !== undefined, 'give relative or absolute'),
    decimals: z.number().int().min(0).max(6).default(1),
  }),
  explain: z.string().min(1),
});

const step = z.strictObject({
  title: z.string().min(1),
  layers: z.array(z.enum(LESSON_LAYERS)).default([]),
  view: z.enum(['architecture', 'sequence', 'inspector', 'charts']).default('architecture'),
  scenario: scenarioSpec,
  text: z.array(z.string().min(1)).min(1, 'at least one paragraph'),
  /** Live counters the step points at, as metric expressions with a label. */
  watch: z.array(z.strictObject({ label: z.string().min(1), expr })).default([]),
  question: z.discriminatedUnion('kind', [choice, numeric]),
});

export const lessonSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  title: z.string().min(1),
  summary: z.string().min(1),
  steps: z.array(step).min(1, 'at least one step').max(20, 'at most 20 steps'),
});

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type LessonScenario = LessonStep['scenario'];
export type Question = LessonStep['question'];

export interface LessonError {
  /** 1-based step number, or null for the lesson's own fields. */
  readonly step: number | null;
  readonly path: string;
  readonly message: string;
}

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

export function formatLessonError(e: LessonError, lessonJson?: unknown): string {
  if (e.step === null) return `${e.path === '' ? 'lesson' : e.path}: ${e.message}`;
  const steps = (lessonJson as { steps?: { title?: unknown }[] } | undefined)?.steps;
  const title = steps?.[e.step - 1]?.title;
  return `step ${e.step}${typeof title === 'string' ? ` (${JSON.stringify(title)})` : ''}: ${e.path}: ${e.message}`;
}

function located(path: readonly PropertyKey[], message: string): LessonError {
  if (path[0] === 'steps' && typeof path[1] === 'number') return { step: path[1] + 1, path: path.slice(2).map(String).join('.'), message };
  return { step: null, path: path.map(String).join('.'), message };
}

function expressionErrors(l: Lesson): LessonError[] {
  const out: LessonError[] = [];
  l.steps.forEach((s, i) => {
    const check = (path: string, src: string) => {
      const p = parseExpr(src);
      if (!p.ok) { out.push({ step: i + 1, path, message: p.error }); return; }
      for (const name of references(p.expr)) {
        const problem = metricProblem(name, s.scenario.configurations);
        if (problem) out.push({ step: i + 1, path, message: problem });
      }
    };
    s.watch.forEach((w, j) => check(`watch.${j}.expr`, w.expr));
    const q = s.question;
    if (q.kind === 'choice') q.options.forEach((o, j) => check(`question.options.${j}.correctWhen`, o.correctWhen));
    else check('question.answer.expr', q.answer.expr);
  });
  return out;
}

/** Validates a lesson file's parsed JSON. */
export function parseLesson(json: unknown): LessonParse {
  const r = lessonSchema.safeParse(json);
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => located(i.path, i.message)) };
  const errors = expressionErrors(r.data);
  return errors.length ? { ok: false, errors } : { ok: true, lesson: r.data };
}
