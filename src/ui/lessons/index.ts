// src/ui/lessons: the guided lessons (panel, question, configuration disclosure),
// the first-visit welcome and its launcher strip, and the boot hook that reads the
// lesson link and the reduced-motion preference. Lesson data: public/lessons/*.json.
export { LessonPanel } from './LessonPanel';
export { Welcome, LessonLauncher, startFirstLesson, startFreeRun } from './Welcome';
export { ConfigurationDisclosure } from './ConfigurationDisclosure';
export { useLessonBoot } from './use-lesson-boot';
export { applyStep, closeLesson, setReducedMotion } from './lesson-actions';
export { readLessonLocation, withLessonLocation, type LessonLocation } from './lesson-url';
