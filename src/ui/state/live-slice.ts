// The live slice: a summary of the worker's figures, replaced at most once per
// animation frame by the frame clock (the raw stream stays in runtime/live-figures.ts).
import type { LiveSummary } from '../runtime/live-figures';

export interface LiveSlice {
  live: LiveSummary | null;
}

export const initialLiveSlice = (): LiveSlice => ({ live: null });
