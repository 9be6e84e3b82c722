// The views slice (issue 5): which view is shown, the shared selection (an item chosen
// in one view is selected in every view), the playback speed and whether the stateless
// column is shown, and where the inspector's capture is taken (the model is started
// with it). Data only; the actions are in views-actions.ts.
import type { StreamCapturePoint } from '../../worker';

export type ViewTab = 'architecture' | 'sequence' | 'inspector';

/** Something a person picked: a journey (trace span), a captured frame, or a layer box. */
export type Selection =
  | { readonly kind: 'span'; readonly configuration: string; readonly span: number }
  | { readonly kind: 'frame'; readonly configuration: string; readonly no: number }
  | { readonly kind: 'layer'; readonly configuration: string; readonly layer: string };

export interface ViewsSlice {
  viewTab: ViewTab;
  selection: Selection | null;
  /** Simulated ns per wall second; null = as fast as the engine runs. */
  speedNsPerSecond: number | null;
  showStateless: boolean;
  /** Where the model captures the frames the inspector lists: socket, IP, driver or wire. */
  capturePoint: StreamCapturePoint;
}

export const initialViewsSlice = (): ViewsSlice => ({
  viewTab: 'architecture',
  selection: null,
  speedNsPerSecond: null,
  showStateless: false,
  capturePoint: 'wire',
});
