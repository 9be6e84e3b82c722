// Faults (DESIGN.md 1.7): on the wire, on the card and on the host. All default off.
// Time windows are in ms of simulated time from the start of the run.

import { z } from 'zod';
import { estimate, param } from '../../model/costs';
import { bool, choice, group, num } from './fields';

const OFF = estimate('faults are off unless a scenario turns them on');
const rate = (description: string) => num(param(0, 'probability', { min: 0, max: 1 }, OFF, description), { apply: 'live' });
const prob = (v: number, why: string, description: string) => num(param(v, 'probability', { min: 0, max: 1 }, estimate(why), description), { apply: 'live' });

const windowFields = {
  atMs: num(param(0, 'ms', { min: 0, max: 3_600_000 }, OFF, 'Start of the window')),
  forMs: num(param(10, 'ms', { min: 0, max: 3_600_000 }, OFF, 'Length of the window')),
};

const lossSchema = z
  .discriminatedUnion('model', [
    z.strictObject({ model: z.literal('none') }),
    z.strictObject({ model: z.literal('independent'), rate: prob(0.001, 'a lossy but usable link: 0.1%', 'Probability each frame is lost') }),
    z.strictObject({
      model: z.literal('gilbert-elliott'),
      pGoodToBad: prob(0.001, 'bursts begin rarely', 'Probability per frame of entering the bad state'),
      pBadToGood: prob(0.3, 'bursts last ~3 frames', 'Probability per frame of leaving the bad state'),
      lossInGood: prob(0, 'no loss between bursts', 'Loss probability in the good state'),
      lossInBad: prob(0.5, 'half the frames of a burst are lost', 'Loss probability in the bad state'),
    }),
  ], { error: "must be one of 'none' | 'independent' | 'gilbert-elliott'" })
  .prefault({ model: 'none' })
  .meta({ unit: '', source: OFF, description: 'Frame loss model, applied to both directions', apply: 'live' });

export const faultsSchema = group({
  wire: group({
    loss: lossSchema,
    corruptionRate: rate('Probability a frame has a bit flipped (caught by the FCS or a checksum)'),
    duplicationRate: rate('Probability a frame is delivered twice'),
    reorderRate: rate('Probability a frame is held back and overtaken'),
    reorderDelayUs: num(param(100, 'µs', { min: 0, max: 1_000_000 }, OFF, 'How long a reordered frame is held back'), { apply: 'live' }),
    jitterUs: num(param(0, 'µs', { min: 0, max: 1_000_000 }, OFF, 'Uniform random extra delay per frame (order preserved)'), { apply: 'live' }),
    linkDown: z.array(z.strictObject(windowFields), { error: 'must be a list of {atMs, forMs} windows' }).max(64, { error: 'must have at most 64 windows' }).default([]),
  }),
  card: group({
    poolExhaustion: z.array(z.strictObject({
      pool: choice(['tx', 'rx'], 'tx', 'Which OSM DMA pool runs dry', OFF),
      ...windowFields,
    }), { error: 'must be a list of {pool, atMs, forMs} windows' }).max(64, { error: 'must have at most 64 windows' }).default([]),
    i2oQueueFull: z.array(z.strictObject({
      queue: choice(['inbound', 'outbound'], 'inbound', 'Which I2O free list is empty (the port reads 0xFFFFFFFF)', OFF),
      ...windowFields,
    }), { error: 'must be a list of {queue, atMs, forMs} windows' }).max(64, { error: 'must have at most 64 windows' }).default([]),
    // Restart, not live: the card's DMA engine takes this rate when the offload machine is
    // built (src/model/offload) and offers no way to change it while the model runs.
    dmaErrorRate: num(param(0, 'probability', { min: 0, max: 1 }, OFF, 'Probability a DMA transfer fails and is retried by the transport layer')).meta({
      restartWhy: 'the card model takes the DMA error rate once, when the offload machine is built',
    }),
  }),
  host: group({
    smallSocketBuffer: bool(false, 'Clamp socket buffers to smallSocketBufferBytes (a full socket buffer fault)', OFF),
    smallSocketBufferBytes: num(param(4096, 'B', { min: 256, max: 1_048_576 }, estimate('one page: below one window of a gigabit LAN, so the buffer fills'), 'Socket buffer size under the fault'), { int: true }),
  }),
});
