// The scenario: everything a run depends on besides nothing. With its seed it fixes
// the run completely (DESIGN.md 1.4). Every field has a default (the 2002-gigabit
// machine), a unit, a range and the source of its default.

import { z } from 'zod';
import { estimate, param } from '../../model/costs';
import { costsSchema } from './costs-field';
import { faultsSchema } from './faults';
import { num } from './fields';
import { busSchema, configurationSchema, inicSchema, nicSchema, serverSchema } from './machine';
import { peerSchema, tcpSchema, wireSchema } from './network';
import { workloadSchema } from './workload';

export const CONFIGURATIONS = ['native', 'stateless', 'offload'] as const;
export type Configuration = (typeof CONFIGURATIONS)[number];

const LAB = (why: string) => estimate(why);

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'must be a string' }).max(200, { error: 'must be at most 200 characters' }).default('custom')
    .meta({ unit: '', source: LAB('a label for people'), description: 'Scenario name', apply: 'live' }),
  description: z.string({ error: 'must be a string' }).max(2000, { error: 'must be at most 2000 characters' }).default('')
    .meta({ unit: '', source: LAB('a note for people'), description: 'What the scenario shows', apply: 'live' }),
  seed: num(param(1, 'seed', { min: 0, max: 4_294_967_295 }, LAB('any 32-bit value; a run is a pure function of (scenario, seed)'), 'Seed of every random stream'), { int: true }),
  durationMs: num(param(1000, 'ms', { min: 1, max: 3_600_000 }, LAB('1 s of simulated time: ~85,000 full segments at 1 Gb/s, enough for steady state'), 'Simulated time to run')),
  warmupMs: num(param(100, 'ms', { min: 0, max: 3_600_000 }, LAB('slow start and buffer fill settle within ~100 ms on a LAN'), 'Time excluded from the summary metrics')),
  sampleIntervalMs: num(param(10, 'ms', { min: 0.01, max: 60_000 }, LAB('100 samples per simulated second keeps charts smooth and cheap'), 'Interval between metric samples')),
  configurations: z
    .array(configurationSchema, { error: "must be a list of 'native' | 'stateless' | 'offload'" })
    .min(1, { error: 'must name at least one configuration' })
    .refine((a) => new Set(a).size === a.length, { error: 'must not repeat a configuration' })
    .default([...CONFIGURATIONS]),
  server: serverSchema,
  nic: nicSchema,
  bus: busSchema,
  inic: inicSchema,
  wire: wireSchema,
  peer: peerSchema,
  tcp: tcpSchema,
  workload: workloadSchema,
  faults: faultsSchema,
  costs: costsSchema,
}).superRefine((s, ctx) => {
  if (s.warmupMs >= s.durationMs) ctx.addIssue({ code: 'custom', path: ['warmupMs'], message: `must be < durationMs (${s.durationMs} ms)` });
  if (s.inic.repostThreshold > s.inic.receiveBuckets) ctx.addIssue({ code: 'custom', path: ['inic', 'repostThreshold'], message: `must be ≤ inic.receiveBuckets (${s.inic.receiveBuckets})` });
  if (s.inic.receiveBuckets > s.inic.rxPool.buffers) ctx.addIssue({ code: 'custom', path: ['inic', 'receiveBuckets'], message: `must be ≤ inic.rxPool.buffers (${s.inic.rxPool.buffers})` });
  if (s.workload.kind === 'udp-stream' && s.workload.messageBytes > 65_507) ctx.addIssue({ code: 'custom', path: ['workload', 'messageBytes'], message: 'must be ≤ 65507 B' });
  if (s.nic.gsoMaxBytes < s.wire.mtuBytes) ctx.addIssue({ code: 'custom', path: ['nic', 'gsoMaxBytes'], message: `must be ≥ wire.mtuBytes (${s.wire.mtuBytes} B)` });
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Workload = Scenario['workload'];
export type WorkloadKind = Workload['kind'];
