// The OSM's message interface (the article: "initialization and control of
// the socket offload system; it translates the user socket requests to the
// socket messages"). It turns a socket request into an I2O private message of
// the socket class (src/i2o), charges building and posting it, and queues it
// on the inbound transport in the order the requests were made.
import { REQUEST_LAYOUTS, type SocketRequest } from '../../../i2o';
import type { HostWork } from './host-work';

/** Request frames: 4 header words + the private word, then the body, then 2 words per SGL element. */
const FIXED_WORDS = 5;

export class MessageInterface {
  /** Requests sent, by operation (for tests and the inspector). */
  readonly sent = new Map<string, number>();
  /** SGL elements one request frame can carry. */
  readonly maxSgl: number;
  /** SGL elements one SENDTO frame can carry (two more body words: the destination). */
  readonly maxDatagramSgl: number;

  constructor(private readonly work: HostWork, inboundFrameWords: number) {
    this.maxSgl = Math.max(1, Math.floor((inboundFrameWords - FIXED_WORDS - 2) / 2));
    this.maxDatagramSgl = Math.max(1, Math.floor((inboundFrameWords - FIXED_WORDS - REQUEST_LAYOUTS.SENDTO.words.length) / 2));
  }

  request(msg: SocketRequest, initiatorContext: number, transactionContext: number): void {
    const sgl = msg.op === 'SEND' || msg.op === 'RECV' || msg.op === 'SENDTO' ? msg.buffers.length : 0;
    const bytes = 4 * (FIXED_WORDS + REQUEST_LAYOUTS[msg.op].words.length + 2 * sgl);
    this.work.op('osmMessageInterface');
    this.work.op('i2oMessageBuild', 1, bytes);
    this.work.op('i2oMessagePost');
    // Trace: the message carries the span of the socket call that made it, else one of its own.
    const tr = this.work.trace;
    const span = !tr.enabled ? 0 : tr.current !== 0 ? tr.current : tr.nextSpan();
    this.work.post({ msg, env: { initiatorContext, transactionContext }, ready: false, span });
    this.sent.set(msg.op, (this.sent.get(msg.op) ?? 0) + 1);
  }
}
