// I2O frame counts and sizes, the LAN OSM's receive-bucket defaults that the socket
// OSM borrows, the OSM's two DMA pools, and the IOP's reply coalescing. Frame sizes
// and counts are src/i2o's own constants, so the messaging unit and the tables agree.

import { DEFAULT_MU_CONFIG, INBOUND_FRAME_WORDS, OUTBOUND_FRAME_COUNT, OUTBOUND_FRAME_WORDS } from '../../i2o';
import { param } from './param';
import { estimate, source } from './source';

const LI2O = source('linux-i2o');

export const I2O_DEFAULTS = {
  inboundFrameWords: param(INBOUND_FRAME_WORDS, 'words', { min: 8, max: 256 }, LI2O, 'Size of an inbound (host to IOP) message frame, 32-bit words'),
  inboundFrames: param(DEFAULT_MU_CONFIG.inboundFrames, 'frames', { min: 1, max: 4096 }, estimate('the IOP advertises its inbound frame count in its status block; 64 frames of 128 B fit the 8 KB messaging window IOPs of the era mapped', 'i2o-1.5'), 'Inbound message frames the IOP offers'),
  outboundFrameWords: param(OUTBOUND_FRAME_WORDS, 'words', { min: 8, max: 256 }, LI2O, 'Size of an outbound (IOP to host) reply frame, 32-bit words'),
  outboundFrames: param(OUTBOUND_FRAME_COUNT, 'frames', { min: 1, max: 4096 }, LI2O, 'Outbound reply frames the host allocates'),
  maxSglElementsPerSendFrame: param(9, 'elements', { min: 1, max: 64 }, LI2O, 'Scatter-gather elements per send frame (the LAN OSM\'s 9 packets per 32-word frame)'),
  receiveBuckets: param(96, 'buckets', { min: 1, max: 4096 }, LI2O, 'Receive buffers kept posted to the IOP (LAN OSM default)'),
  repostThreshold: param(18, 'buckets', { min: 1, max: 4096 }, LI2O, 'Repost receive buffers after this many were consumed (LAN OSM default)'),
  copyThresholdBytes: param(200, 'B', { min: 0, max: 65_536 }, LI2O, 'Payloads up to this size travel inside the reply frame and are copied, not DMA\'d (LAN OSM rx copybreak)'),
  txPoolBufferBytes: param(4096, 'B', { min: 256, max: 1_048_576 }, estimate('one page: physically contiguous, so no virtual-to-physical mapping per transfer (the article\'s memory-management goal 3), and one SGL element per page', 'seed-article'), 'OSM transmit DMA pool: buffer size'),
  txPoolBuffers: param(256, 'buffers', { min: 1, max: 65_536 }, estimate('1 MiB per direction: covers eight 128 KB socket send buffers in flight to the card, the same order as an e1000 ring (256 x 2 KB) of the era', 'seed-article'), 'OSM transmit DMA pool: buffer count'),
  rxPoolBufferBytes: param(4096, 'B', { min: 256, max: 1_048_576 }, estimate('one page, for the same reasons as the transmit pool', 'seed-article'), 'OSM receive DMA pool: buffer size'),
  rxPoolBuffers: param(256, 'buffers', { min: 1, max: 65_536 }, estimate('1 MiB: enough for the 96 buckets posted plus data waiting for slow readers', 'seed-article'), 'OSM receive DMA pool: buffer count'),
  replyCoalesceMax: param(8, 'replies', { min: 1, max: 128 }, estimate('the article\'s goal 2 "minimize host interrupts": one interrupt for up to 8 replies, a small share of the 128 outbound frames', 'seed-article'), 'Replies the IOP batches behind one host interrupt'),
  replyCoalesceUs: param(50, 'µs', { min: 0, max: 100_000 }, estimate('bounded so that a lone reply waits at most ~ one 1 GbE RTT on a LAN', 'seed-article'), 'Longest a reply waits for others before the IOP interrupts the host'),
  dmaChannels: param(2, 'channels', { min: 1, max: 16 }, source('iop321'), 'DMA channels on the IOP (IOP321: 2; IOP310: 3)'),
} as const;
