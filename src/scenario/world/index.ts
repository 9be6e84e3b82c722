// src/scenario/world: a scenario's configuration assembled into a runnable world.
export { buildWorld, type World, type WorldError, type WorldOptions } from './world';
export { DEFAULT_BUILDERS, buildOffloadServer, buildNativeServer, buildPeer, buildPlainPeer, type BuildContext, type MachineBuilders, type ServerBuilder } from './builders';
export { buildStackMachine, type StackMachineOptions } from './stack-machine';
export {
  CaptureRing, PcapngCapture, CAPTURE_POINTS, CAPTURE_LINKTYPES, I2O_LINKTYPE, isCapturePoint, type CapturePoint, type CaptureSink,
  type CaptureSource, type CapturedFrame,
} from './capture';
export { SocketCapture } from './capture-socket';
export { linkOptionsFor, faultSpecFor } from './link';
export { tcpConfigFor } from './tcp-config';
export { workloadSpecFor } from './workload-spec';
export { applyLiveParameters, liveWorkloadUpdateFor } from './live';
export { SERVER_ADDR, PEER_ADDR, SERVER_MAC, PEER_MAC, SERVER_PORT } from './addresses';
