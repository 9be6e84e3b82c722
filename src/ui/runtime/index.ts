// Public names of the page's runtime: wiring of worker client, live figures, the one
// frame clock, the slice pacer and the window test API.
export { createLabRuntime, type LabRuntime, type RuntimeDeps } from './lab-runtime';
export { AdaptiveBudget, type AdaptiveBudgetOptions } from './adaptive-budget';
export { FrameClock, type FrameCallback, type FrameScheduler } from './frame-clock';
export { LiveFigures, type LiveSummary } from './live-figures';
export { shareEqual } from './structural-share';
export { createTestApi, type OffloadLabTestApi, type LabSnapshot } from './test-api';
