// LAWS for a scenario: its inputs derived from the scenario's cost tables and
// workload (model/laws/derive.ts says how), evaluated against the 'native' baseline
// or, on request, the 'stateless' one. Approximations, stated so the UI can show them:
// - the workload is reduced to its payload direction and message size: request-response
//   and churn serve responses (send; mean response size); storage reads send, writes
//   receive, a mix goes the way of the majority; connection set-up costs are ignored;
// - udp-stream uses the TCP per-segment path with no ACKs as a proxy for UDP's;
// - interrupts per packet under coalescing are taken at line rate (fixed: the frame
//   threshold or the timer, whichever comes first; adaptive: the bulk step).

import {
  deriveLawsInputs,
  laws,
  type LawsDerivation,
  type LawsError,
  type LawsResult,
} from '../../model/laws';
import type { NativeBulkOptions, OffloadBulkOptions } from '../../model/costs';
import type { ScenarioError } from './parse';
import type { Scenario } from './scenario-schema';
import { costTablesForScenario, mssForScenario } from './scenario-costs';

export type LawsBaseline = 'native' | 'stateless';

export interface ScenarioLaws {
  readonly baseline: LawsBaseline;
  readonly derivation: LawsDerivation;
  readonly result: LawsResult;
}

function directionOf(s: Scenario): 'send' | 'receive' {
  const w = s.workload;
  switch (w.kind) {
    case 'bulk':
    case 'udp-stream':
      return w.direction;
    case 'storage':
      return w.op === 'read' || (w.op === 'mixed' && w.readFraction >= 0.5) ? 'send' : 'receive';
    default:
      return 'send';
  }
}

function callBytes(s: Scenario): number {
  const w = s.workload;
  if (w.kind === 'request-response') return w.fileSize.meanBytes;
  if (w.kind === 'churn') return Math.max(1, w.responseBytes);
  return w.messageBytes;
}

function packetsPerInterrupt(s: Scenario, mss: number): number {
  const c = s.nic.coalescing;
  const pps = (s.wire.bandwidthMbps * 1e6) / 8 / (mss + 78);
  if (c.mode === 'fixed') return Math.max(1, Math.min(c.frames, (pps * c.usecs) / 1e6));
  if (c.mode === 'adaptive') return Math.max(1, pps / c.bulkIntsPerSec);
  return 1;
}

export function nativeOptionsForScenario(s: Scenario, baseline: LawsBaseline): NativeBulkOptions {
  const mss = mssForScenario(s);
  const call = callBytes(s);
  const udp = s.workload.kind === 'udp-stream';
  const st = baseline === 'stateless';
  const superSegs = (max: number) => Math.max(1, Math.min(Math.floor(max / mss), Math.ceil(call / mss)));
  return {
    segmentBytes: udp ? Math.min(mss, s.workload.messageBytes) : mss,
    appCallBytes: call,
    ackEverySegments: udp ? Infinity : s.tcp.delayedAck.enabled ? s.tcp.delayedAck.segments : 1,
    packetsPerInterrupt: st || s.nic.coalesceNative ? packetsPerInterrupt(s, mss) : 1,
    checksumOffload: st && s.nic.checksumOffload,
    tsoSegments: st && (s.nic.tso || s.nic.gso) ? superSegs(s.nic.gsoMaxBytes) : 1,
    groSegments: st && (s.nic.gro || s.nic.lro) ? superSegs(s.nic.groMaxBytes) : 1,
    blockingCalls: true,
  };
}

export function offloadOptionsForScenario(s: Scenario): OffloadBulkOptions {
  const n = nativeOptionsForScenario(s, 'native');
  const send = directionOf(s) === 'send';
  return {
    segmentBytes: n.segmentBytes,
    appCallBytes: n.appCallBytes,
    ackEverySegments: n.ackEverySegments,
    poolBufferBytes: send ? s.inic.txPool.bufferBytes : s.inic.rxPool.bufferBytes,
    inboundFrameWords: s.inic.inboundFrameWords,
    repliesPerInterrupt: s.inic.replyCoalescing.enabled ? s.inic.replyCoalescing.maxReplies : 1,
    repostBatch: s.inic.repostThreshold,
    macChecksumOffload: s.inic.macChecksumOffload,
    iopPacketsPerInterrupt: 1,
    blockingCalls: true,
  };
}

export function lawsForScenario(
  s: Scenario,
  baseline: LawsBaseline = 'native',
): { ok: true; laws: ScenarioLaws } | { ok: false; errors: ScenarioError[] } {
  const t = costTablesForScenario(s);
  if (!t.ok) return { ok: false, errors: t.errors.map((e) => ({ path: `costs.overrides.${e.path}`, message: e.message })) };
  const w = s.workload;
  const derivation = deriveLawsInputs({
    tables: t.tables,
    hostClockHz: s.server.clockMHz * 1e6,
    iopClockHz: s.inic.iopClockMHz * 1e6,
    direction: directionOf(s),
    wireBitsPerSec: s.wire.bandwidthMbps * 1e6,
    headerBytes: 40 + (s.tcp.timestamps ? 12 : 0),
    appCyclesPerByte: w.appCyclesPerByte,
    appCyclesPerRequest: w.appCyclesPerRequest,
    native: nativeOptionsForScenario(s, baseline),
    offload: offloadOptionsForScenario(s),
  });
  const r = laws(derivation.inputs);
  if (!r.ok) return { ok: false, errors: r.errors.map((e: LawsError) => ({ path: `laws.${e.field}`, message: e.message })) };
  return { ok: true, laws: { baseline, derivation, result: r.result } };
}
