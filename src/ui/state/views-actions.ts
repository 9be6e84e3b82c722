// Module-level actions on the views slice.
import { labStore } from './store';
import type { StreamCapturePoint } from '../../worker';
import type { Selection, ViewTab } from './views-slice';

export function setViewTab(viewTab: ViewTab): void {
  labStore.setState({ viewTab });
}

export function select(selection: Selection | null): void {
  labStore.setState({ selection });
}

export function setSpeed(speedNsPerSecond: number | null): void {
  labStore.setState({ speedNsPerSecond });
}

export function setShowStateless(showStateless: boolean): void {
  labStore.setState({ showStateless });
}

/** Where the next model run captures; the caller restarts the model for it to apply. */
export function setCapturePoint(capturePoint: StreamCapturePoint): void {
  labStore.setState({ capturePoint, selection: null });
}
