// The peer (the client side, DESIGN.md 1.1): a machine on the native path.
// With idealCpu (the default here) every cost is zero and there is no bus, so
// the peer answers at once and never limits the server under test; with
// idealCpu false it is an ordinary native machine with its own costs.
//
// Trace (docs trace-convention): the peer is one layer, `peer`. Its own stack,
// driver and NIC run on the simulator's clock and events but record nothing
// (they see the simulator through a view whose trace is off), so the server's
// columns count only the server's crossings; what the peer receives from the
// wire and sends to it is recorded as wire > peer and peer > wire.
import { LAYER, TRACE_KIND, type Simulator } from '../../sim';
import type { FrameSink, Netif } from '../../net/link';
import { buildNativeMachine, type NativeMachine, type NativeMachineOptions } from './native';

export type PeerMachineOptions = NativeMachineOptions;

/** Records of the wire and the peer name no processor. */
const NO_CPU = 255;

export function buildPeerMachine(sim: Simulator, opts: PeerMachineOptions): NativeMachine {
  const m = buildNativeMachine(sim, { name: 'peer', ...opts, idealCpu: opts.idealCpu ?? true }, { untraced: true });
  const tr = sim.trace;
  const inner = m.port;
  const port: FrameSink = {
    receiveFrame(frame: Uint8Array): void {
      if (tr.enabled) tr.record(sim.now, tr.tagOf(frame) || tr.nextSpan(), LAYER.wire, LAYER.peer, TRACE_KIND.frame, frame.length, 0, NO_CPU);
      inner.receiveFrame(frame);
    },
  };
  const attach = m.attach.bind(m);
  return {
    ...m,
    port,
    attach(netif: Netif): void {
      const out: Netif & { rate?: number } = {
        transmit(frame: Uint8Array): void {
          if (tr.enabled) {
            const span = tr.nextSpan();
            tr.tag(frame, span);
            tr.record(sim.now, span, LAYER.peer, LAYER.wire, TRACE_KIND.frame, frame.length, 0, NO_CPU);
          }
          netif.transmit(frame);
        },
      };
      // The NIC paces at the wire's rate when it has one (nic.ts attach).
      const rate = (netif as Partial<{ rate: number }>).rate;
      if (rate !== undefined) out.rate = rate;
      attach(out);
    },
  };
}
