// Congestion control: the interface and the two algorithms the lab offers.
import type { CongestionName } from '../config';
import type { CongestionControl } from './types';
import { Cubic } from './cubic';
import { NewReno } from './newreno';

export type { CongestionControl } from './types';
export { NewReno } from './newreno';
export { Cubic, CUBIC_ALPHA, CUBIC_BETA, CUBIC_C } from './cubic';

export function createCongestionControl(name: CongestionName, mss: number, initialSegments: number): CongestionControl {
  return name === 'cubic' ? new Cubic(mss, initialSegments) : new NewReno(mss, initialSegments);
}
