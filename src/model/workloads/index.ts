// src/model/workloads: the applications of DESIGN.md 1.7, written against SocketApi.
export { WorkloadStats, appWork, later, withApp, type AppCost, type LiveWorkloadUpdate, type Workload, type WorkloadContext } from './context';
export { BulkWorkload, type BulkParams } from './bulk';
export { RequestResponseWorkload, type RequestResponseParams } from './request-response';
export { StorageWorkload, type StorageParams } from './storage';
export { ChurnWorkload, type ChurnParams } from './churn';
export { UdpStreamWorkload, type UdpStreamParams } from './udp-stream';
export { drawSize, type SizeDistribution } from './sizes';
export { createWorkload, type WorkloadSpec } from './create';
export { sendRange, recvRange, sendAll, recvAll } from './streams';
