// Workloads (DESIGN.md 1.7), one variant per kind. Every variant has an application
// cost per request and per byte (so the CPU that offload frees has somewhere to go),
// a message size and a connection count.

import { z } from 'zod';
import { estimate, param, type Param, type SourceId } from '../../model/costs';
import { choice, num } from './fields';

const APP = estimate('the application\'s own work is the scenario\'s choice; 0 makes the host communication-bound, the regime where offload gains least (LAWS)');
const APP_WEB = estimate('a small web server: ~20 µs per request at 2.4 GHz (parse, look up, log) and ~1 cycle per byte to fetch the file from the page cache');

const appPerRequest = (v: number, src = APP) =>
  num(param(v, 'cycles', { min: 0, max: 1e10 }, src, 'Application cycles per request (per send/recv call for streams)'), { apply: 'live' });
const appPerByte = (v: number, src = APP) =>
  num(param(v, 'cycles/B', { min: 0, max: 10_000 }, src, 'Application cycles per byte moved'), { apply: 'live' });
const connections = (v: number, why: string) =>
  num(param(v, 'connections', { min: 1, max: 100_000 }, estimate(why), 'Concurrent connections (or flows)'), { int: true });
const bytesParam = (v: number, max: number, why: string, description: string, basis: SourceId = 'lab'): Param =>
  param(v, 'B', { min: 1, max }, estimate(why, basis), description);
const direction = choice(['send', 'receive'], 'send', 'Which way the payload flows, seen from the server', estimate('a server mostly sends'));

const bulk = z.strictObject({
  kind: z.literal('bulk'),
  direction,
  messageBytes: num(bytesParam(65_536, 16_777_216, 'iperf/netperf move 64 KB per call; Intel says offload helps most at 64 KB and more', 'Bytes per send()/recv() call', 'intel-toe'), { int: true }),
  connections: connections(1, 'one stream, like iperf\'s default'),
  totalBytes: num(param(0, 'B', { min: 0, max: 1e15 }, estimate('0 = run for the whole duration'), 'Bytes to move per connection (0 = unlimited)'), { int: true }),
  appCyclesPerRequest: appPerRequest(0),
  appCyclesPerByte: appPerByte(0),
});

const fileSize = z.strictObject({
  distribution: choice(['fixed', 'exponential', 'lognormal', 'pareto'], 'lognormal', 'Distribution of response sizes', estimate('web file sizes are heavy-tailed: lognormal body, Pareto tail (SURGE, SPECweb99)')),
  meanBytes: num(param(16_384, 'B', { min: 1, max: 1e9 }, estimate('the ~14.7 KB mean of SPECweb99\'s file mix'), 'Mean response size'), { int: true }),
  shape: num(param(1.0, 'ratio', { min: 0.05, max: 10 }, estimate('lognormal sigma ~1 (SURGE); for pareto the tail index alpha, ~1.2'), 'Shape: lognormal sigma or pareto alpha')),
  maxBytes: num(param(1_048_576, 'B', { min: 1, max: 1e10 }, estimate('truncate the tail at 1 MiB so short runs stay representative'), 'Largest response'), { int: true }),
}).prefault({});

const requestResponse = z.strictObject({
  kind: z.literal('request-response'),
  messageBytes: num(bytesParam(300, 65_536, 'an HTTP GET with headers is a few hundred bytes', 'Request size'), { int: true }),
  fileSize,
  connections: connections(16, '16 clients keep a 2002 web server busy'),
  persistent: z.boolean({ error: 'must be true or false' }).default(true).meta({ unit: '', source: estimate('HTTP/1.1 keep-alive'), description: 'Reuse each connection for many requests', apply: 'restart' }),
  thinkTimeUs: num(param(0, 'µs', { min: 0, max: 1e9 }, estimate('closed loop, no think time: the server is the bottleneck'), 'Client pause between a response and the next request'), { apply: 'live' }),
  appCyclesPerRequest: appPerRequest(50_000, APP_WEB),
  appCyclesPerByte: appPerByte(1, APP_WEB),
});

const storage = z.strictObject({
  kind: z.literal('storage'),
  op: choice(['read', 'write', 'mixed'], 'read', 'Block operation: reads send data from the server, writes receive it', estimate('iSCSI targets serve mostly reads')),
  readFraction: num(param(0.7, 'ratio', { min: 0, max: 1 }, estimate('a 70/30 read/write mix is the customary OLTP-like figure'), 'Share of reads when op is mixed')),
  messageBytes: num(bytesParam(65_536, 16_777_216, 'large sequential blocks of 64 KB, where Intel says offload helps most', 'Block size', 'intel-toe'), { int: true }),
  headerBytes: num(param(48, 'B', { min: 0, max: 4096 }, estimate('the iSCSI Basic Header Segment is 48 B (RFC 7143 11.2)', 'tcp-rfcs'), 'Command/response header per block'), { int: true }),
  queueDepth: num(param(8, 'commands', { min: 1, max: 1024 }, estimate('a typical initiator queue depth'), 'Outstanding commands per connection'), { int: true }),
  connections: connections(1, 'one iSCSI session'),
  appCyclesPerRequest: appPerRequest(20_000, estimate('a target\'s SCSI command handling, ~8 µs at 2.4 GHz')),
  appCyclesPerByte: appPerByte(0),
});

const churn = z.strictObject({
  kind: z.literal('churn'),
  messageBytes: num(bytesParam(200, 65_536, 'a short request', 'Request size'), { int: true }),
  responseBytes: num(param(1024, 'B', { min: 0, max: 1e9 }, estimate('a short reply, one or two segments'), 'Response size'), { int: true }),
  connections: connections(8, 'eight clients each opening connections back to back'),
  appCyclesPerRequest: appPerRequest(20_000, estimate('accept, parse and reply, ~8 µs at 2.4 GHz')),
  appCyclesPerByte: appPerByte(0),
});

const udpStream = z.strictObject({
  kind: z.literal('udp-stream'),
  direction,
  messageBytes: num(param(1472, 'B', { min: 1, max: 65_507 }, estimate('the largest datagram that fits a 1500-byte MTU unfragmented', 'ieee-802.3'), 'Datagram payload size'), { int: true }),
  rateMbps: num(param(0, 'Mb/s', { min: 0, max: 800_000 }, estimate('0 = as fast as the sender can'), 'Offered load (0 = unlimited)'), { apply: 'live' }),
  connections: connections(1, 'one flow'),
  appCyclesPerRequest: appPerRequest(0),
  appCyclesPerByte: appPerByte(0),
});

export const WORKLOAD_KINDS = ['bulk', 'request-response', 'storage', 'churn', 'udp-stream'] as const;

export const workloadSchema = z
  .discriminatedUnion('kind', [bulk, requestResponse, storage, churn, udpStream], { error: `must be one of ${WORKLOAD_KINDS.map((k) => `'${k}'`).join(' | ')}` })
  .prefault({ kind: 'bulk' })
  .meta({ unit: '', source: estimate('bulk transfer is where the article\'s claim (~5% CPU at 1 Gb/s) applies', 'seed-article'), description: 'What the application does (DESIGN.md 1.7)', apply: 'restart' });
