// The lab's one vanilla store, composed from slices (zustand 5). Slices hold data only;
// the actions that change them are module-level functions (actions.ts, commands.ts) so
// the worker client's listener calls them without React. React binds with `useLab`.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { initialSessionSlice, type SessionSlice } from './session-slice';
import { initialLiveSlice, type LiveSlice } from './live-slice';
import { initialPrefsSlice, type PrefsSlice } from './prefs-slice';
import { initialScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { initialViewsSlice, type ViewsSlice } from './views-slice';
import { initialLessonsSlice, type LessonsSlice } from './lessons-slice';

export type LabState = SessionSlice & LiveSlice & PrefsSlice & ScenarioSlice & ViewsSlice & LessonsSlice;
export type LabStore = StoreApi<LabState>;

export function initialLabState(): LabState {
  return { ...initialSessionSlice(), ...initialLiveSlice(), ...initialPrefsSlice(), ...initialScenarioSlice(), ...initialViewsSlice(), ...initialLessonsSlice() };
}

export const labStore: LabStore = createStore<LabState>()(() => initialLabState());

export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(labStore, selector);
}
