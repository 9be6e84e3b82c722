export { CONFIGURATIONS, emptyCounters, type ConfigurationName, type Machine, type MachineCounters } from './types';
export {
  buildNativeMachine, effectiveOffloads, type NativeMachine, type NativeMachineOptions, type StatelessOffloads,
  type EffectiveOffloads,
} from './native';
export { buildPeerMachine, type PeerMachineOptions } from './peer';
