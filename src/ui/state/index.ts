// Public names of the lab's state: the store, its slices' types, the module-level
// actions that write to it and the user's commands.
export { labStore, useLab, initialLabState, type LabState, type LabStore } from './store';
export { DEFAULT_SEED, type SessionSlice } from './session-slice';
export type { LiveSlice } from './live-slice';
export { THEME_ORDER, type ThemeChoice, type PrefsSlice } from './prefs-slice';
export * as actions from './actions';
export * as commands from './commands';
export { parseSeed, MAX_SEED, type SeedParse } from './seed';
export type { ScenarioSlice, PageNotice } from './scenario-slice';
export * as scenarioActions from './scenario-actions';
export type { ViewsSlice, ViewTab, Selection } from './views-slice';
export * as viewsActions from './views-actions';
export type { LessonsSlice } from './lessons-slice';
export { changesInForce, scenarioAfter, scenarioInForce, scenarioShownHere, inForceCount, laterChanges, dropsText, type LaterChange } from './in-force';
