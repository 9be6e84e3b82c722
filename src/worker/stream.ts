// What a scenario world streams to the page with each reply (DESIGN.md 2.2): per
// configuration, the trace records written since the last reply (typed-array columns,
// posted as transferables), the frames captured on the wire and across the bus, the
// metric sample rows added, and the summary so far.
//
// Contract:
// - `reset: true` means "forget what you had: this is the whole retained history"
//   (after `ready` and after a seek back in time); otherwise the content follows on
//   from the previous stream of the same epoch, in order, with nothing skipped except
//   what `traceDropped` / `framesDropped` count (the worker's bounded rings overwrote
//   records the page had not yet been sent).
// - Every array is a copy owned by the message: the receiver may keep it.
import { z } from 'zod';

export const traceColumnsSchema = z.object({
  time: z.instanceof(Float64Array),
  span: z.instanceof(Uint32Array),
  from: z.instanceof(Uint8Array),
  to: z.instanceof(Uint8Array),
  kind: z.instanceof(Uint8Array),
  bytes: z.instanceof(Uint32Array),
  cycles: z.instanceof(Float64Array),
  processor: z.instanceof(Uint8Array),
});
export type TraceColumns = z.infer<typeof traceColumnsSchema>;

export const captureSourceSchema = z.enum(['server->peer', 'peer->server', 'i2o-inbound', 'i2o-outbound']);
export type StreamCaptureSource = z.infer<typeof captureSourceSchema>;

/** Where a scenario world captures (src/scenario CAPTURE_POINTS): the socket API's
 *  calls, the IP layer's datagrams, the driver's frames, or the wire. */
export const CAPTURE_POINT_NAMES = ['socket', 'ip', 'driver', 'wire'] as const;
export const capturePointSchema = z.enum(CAPTURE_POINT_NAMES);
export type StreamCapturePoint = z.infer<typeof capturePointSchema>;

export const streamFrameSchema = z.object({
  /** Capture number within the world (0, 1, ...): stable across seeks, so views can key on it. */
  no: z.number().int().min(0),
  t: z.number().min(0),
  source: captureSourceSchema,
  bytes: z.instanceof(Uint8Array),
  /** Where the frame was captured (its bytes' format: Ethernet at 'wire' and 'driver', raw
   *  IPv4 at 'ip', the call's data at 'socket'); I2O sources are the bus at any point.
   *  Absent: 'wire'. */
  point: capturePointSchema.optional(),
  /** What the record is when its bytes do not say (socket calls). */
  comment: z.string().optional(),
});
export type StreamFrame = z.infer<typeof streamFrameSchema>;

export const worldStreamSchema = z.object({
  configuration: z.string(),
  trace: traceColumnsSchema,
  traceDropped: z.number().int().min(0),
  frames: z.array(streamFrameSchema),
  framesDropped: z.number().int().min(0),
  /** New metric rows: columns by name (each the same length). */
  samples: z.record(z.string(), z.instanceof(Float64Array)),
  /** The metrics recorder's summary over [warmup, now] (plain data, see src/model/metrics Summary). */
  summary: z.record(z.string(), z.unknown()).nullable(),
  /** The metrics recorder's events (loss, RTO, pool exhausted, ...) added since the last stream,
   *  and the run's live changes (kind 'live-change', `text` saying what changed: 'loss rate 0 % → 2 %'). */
  events: z.array(z.object({ t: z.number(), kind: z.string(), count: z.number(), text: z.string().optional() })).optional(),
  /** Per traced connection (in the recorder's order), its rows added since the last stream:
   *  columns 't', 'cwnd', 'ssthresh', 'srttNs'. */
  connections: z.array(z.object({ label: z.string(), samples: z.record(z.string(), z.instanceof(Float64Array)) })).optional(),
});
export type WorldStream = z.infer<typeof worldStreamSchema>;

export const sliceStreamSchema = z.object({
  reset: z.boolean(),
  worlds: z.array(worldStreamSchema),
});
export type SliceStream = z.infer<typeof sliceStreamSchema>;

export function emptyTraceColumns(n = 0): TraceColumns {
  return {
    time: new Float64Array(n), span: new Uint32Array(n), from: new Uint8Array(n), to: new Uint8Array(n),
    kind: new Uint8Array(n), bytes: new Uint32Array(n), cycles: new Float64Array(n), processor: new Uint8Array(n),
  };
}

/** The buffers a stream owns, to post as transferables (no copy across threads). */
export function streamTransferables(s: SliceStream): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const seen = new Set<ArrayBufferLike>();
  const add = (a: { buffer: ArrayBufferLike }) => {
    if (a.buffer instanceof ArrayBuffer && !seen.has(a.buffer)) {
      seen.add(a.buffer);
      out.push(a.buffer);
    }
  };
  for (const w of s.worlds) {
    for (const col of Object.values(w.trace)) add(col);
    for (const f of w.frames) add(f.bytes);
    for (const col of Object.values(w.samples)) add(col);
    for (const c of w.connections ?? []) for (const col of Object.values(c.samples)) add(col);
  }
  return out;
}
