// src/scenario/lessons: the lesson format (FORMAT.md), its validation with
// errors naming step and field, the expression language answers are written
// in, running a step's scenario to flat metrics, and checking answers against
// them. Pure; runs in node and in a worker alike.
export { parseLesson, formatLessonError, lessonSchema, LESSON_LAYERS, type Lesson, type LessonStep, type LessonScenario, type Question, type LessonError, type LessonParse } from './format';
export { parseExpr, evaluate, references, type Expr, type ExprParse, type Evaluated } from './expr';
export { METRIC_FIELDS, metricProblem, flattenResult } from './metrics';
export { stepScenario, runStep, type StepScenario, type StepRun } from './run-step';
export { checkAnswer, correctOption, expectedNumber, withinTolerance, watchValue, type Verdict } from './check';
