export {
  CONFIGURATIONS, emptyCounters, hasCaptureTaps, type CaptureTaps, type ConfigurationName, type Machine, type MachineCounters,
  type PacketTap,
} from './types';
export { ipTapFor } from './ip-tap';
export {
  buildNativeMachine, effectiveOffloads, type NativeMachine, type NativeMachineOptions, type StatelessOffloads,
  type EffectiveOffloads,
} from './native';
export { buildPeerMachine, type PeerMachineOptions } from './peer';
