// Cost tables for the machine model: every operation's cycles with its source, the
// two host profiles and two IOP profiles, the bus, Linux and I2O constants, and
// analytic path sums used for calibration and by the LAWS companion.

export { source, estimate, formatSource, SOURCE_IDS, type Source, type SourceId, type SourceTag } from './source';
export { param, withValue, inRange, type Param, type Range } from './param';
export {
  op,
  resolveOp,
  opCycles,
  chargeOp,
  FIXED_CYCLES_RANGE,
  CYCLES_PER_BYTE_RANGE,
  CACHE_MISSES_RANGE,
  type OpCost,
  type ResolvedOp,
} from './op-cost';
export { HOST_OPS, PROTOCOL_OPS, type HostOpName, type ProtocolOpName } from './host-ops';
export { HOST_PROFILES, type HostCostTable, type HostProfileName } from './host-table';
export { HOST_XEON_2002 } from './host-xeon-2002';
export { HOST_X86_2020 } from './host-x86-2020';
export {
  IOP_OPS,
  IOP_OWN_OPS,
  IOP_PROFILES,
  deriveIsmOp,
  deriveIsmOps,
  type IopCostTable,
  type IopFactors,
  type IopOpName,
  type IopOwnOpName,
  type IopProfileName,
} from './iop-table';
export { IOP321_2002, ARM_2020 } from './iop-profiles';
export {
  buildCostTables,
  listCostParams,
  isDerivedIopOp,
  HOST_PROFILE_TABLES,
  IOP_PROFILE_TABLES,
  type CostTables,
  type CostParamEntry,
  type CostOverrideError,
} from './cost-tables';
export { resolveHostCosts, resolveIopCosts, type ResolvedHostCosts, type ResolvedIopCosts } from './resolve';
export { busModel, busTransferNs, BUS_KINDS, PCIE_LANE_BYTES_PER_SEC, type BusConfig, type BusKind, type BusModel } from './bus';
export { LINUX_CONSTANTS } from './linux-constants';
export { I2O_DEFAULTS } from './i2o-defaults';
export { PathAccumulator, scalePathSum, categoryShare, type PathSum } from './path-sum';
export { nativeSendPerSegment, nativeReceivePerSegment, NATIVE_2002_BULK, type NativeBulkOptions } from './native-path';
export { offloadSendPerSegment, offloadReceivePerSegment, type OffloadBulkOptions, type OffloadPathSums } from './offload-path';
