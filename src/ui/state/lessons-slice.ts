// The lessons slice (issue 7): the lesson shown and its step, the layers a step
// highlights (views may outline boxes whose layer is in `highlightLayers`), whether
// the person asked for reduced motion (views then animate stepwise: no continuous
// redraw loop), and whether the first-visit welcome is open. Data only; written by
// src/ui/lessons.
export interface LessonsSlice {
  lesson: { readonly id: string; readonly step: number } | null;
  highlightLayers: readonly string[];
  reducedMotion: boolean;
  welcomeOpen: boolean;
}

export const initialLessonsSlice = (): LessonsSlice => ({ lesson: null, highlightLayers: [], reducedMotion: false, welcomeOpen: false });
