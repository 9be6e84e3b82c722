// The peer (the client side, DESIGN.md 1.1): a machine on the native path.
// With idealCpu (the default here) every cost is zero and there is no bus, so
// the peer answers at once and never limits the server under test; with
// idealCpu false it is an ordinary native machine with its own costs.
import type { Simulator } from '../../sim';
import { buildNativeMachine, type NativeMachine, type NativeMachineOptions } from './native';

export type PeerMachineOptions = NativeMachineOptions;

export function buildPeerMachine(sim: Simulator, opts: PeerMachineOptions): NativeMachine {
  return buildNativeMachine(sim, { name: 'peer', ...opts, idealCpu: opts.idealCpu ?? true });
}
