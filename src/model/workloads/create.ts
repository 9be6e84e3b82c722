// One workload from a plain description (the scenario's workload, already
// converted to simulation units by src/scenario/world).
import { BulkWorkload, type BulkParams } from './bulk';
import { ChurnWorkload, type ChurnParams } from './churn';
import type { Workload, WorkloadContext } from './context';
import { RequestResponseWorkload, type RequestResponseParams } from './request-response';
import { StorageWorkload, type StorageParams } from './storage';
import { UdpStreamWorkload, type UdpStreamParams } from './udp-stream';

export type WorkloadSpec =
  | ({ kind: 'bulk' } & BulkParams)
  | ({ kind: 'request-response' } & RequestResponseParams)
  | ({ kind: 'storage' } & StorageParams)
  | ({ kind: 'churn' } & ChurnParams)
  | ({ kind: 'udp-stream' } & UdpStreamParams);

export function createWorkload(ctx: WorkloadContext, spec: WorkloadSpec): Workload {
  switch (spec.kind) {
    case 'bulk':
      return new BulkWorkload(ctx, spec);
    case 'request-response':
      return new RequestResponseWorkload(ctx, spec);
    case 'storage':
      return new StorageWorkload(ctx, spec);
    case 'churn':
      return new ChurnWorkload(ctx, spec);
    case 'udp-stream':
      return new UdpStreamWorkload(ctx, spec);
  }
}
