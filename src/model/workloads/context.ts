// What a workload (DESIGN.md 1.7) is given and what it reports. A workload is
// two applications written against SocketApi: the server side runs on the
// machine under study, the client side on the peer. The server's application
// work (cycles per request + per byte, from the scenario) is charged on the
// server's appCpu at Priority.User, so the CPU that offload frees has
// somewhere to go; the peer's application is free (the lab studies the server).
//
// Every byte an application receives is checked against the deterministic
// payload (src/net/payload.ts); `integrityOk` turns false at the first wrong
// byte and `firstMismatch` says where.
import { Priority, type EventHandler, type Nanos, type Simulator } from '../../sim';
import type { SocketApi } from '../../net/stack';
import type { Ipv4Addr } from '../../net/wire';
import type { Machine } from '../machine';

export interface WorkloadContext {
  readonly sim: Simulator;
  readonly server: Machine;
  readonly peer: Machine;
  /** The port the server application listens on. */
  readonly port: number;
  /** Called once per completed request (request-response, storage, churn) with its latency. */
  readonly recordLatency: (ns: number) => void;
}

/** Cumulative counters of a running workload; the metrics sampler differences them. */
export class WorkloadStats {
  /** Bytes delivered to either application (server and peer), each checked. */
  bytesDelivered = 0;
  /** Bytes delivered to the server application / to the peer application. */
  bytesToServer = 0;
  bytesToPeer = 0;
  /** Requests (or blocks, or datagrams) completed. */
  requests = 0;
  /** Connections opened by the clients (connect calls that succeeded). */
  connections = 0;
  /** Socket calls that failed with an errno the workload does not expect. */
  errors = 0;
  lastError: string | null = null;
  integrityOk = true;
  /** `conn@offset` of the first wrong byte, or null. */
  firstMismatch: string | null = null;

  delivered(toServer: boolean, bytes: number): void {
    this.bytesDelivered += bytes;
    if (toServer) this.bytesToServer += bytes;
    else this.bytesToPeer += bytes;
  }

  mismatch(conn: number, offset: number): void {
    if (this.integrityOk) this.firstMismatch = `${conn}@${offset}`;
    this.integrityOk = false;
  }

  error(what: string): void {
    this.errors += 1;
    if (this.lastError === null) this.lastError = what;
  }
}

export interface Workload {
  readonly kind: string;
  readonly stats: WorkloadStats;
  /** Opens the server's listening socket and starts the clients (at the current time). */
  start(): void;
  /**
   * Changes what may change while the workload runs (a live scenario change),
   * from now on: the application's cost applies to work submitted after the
   * call (work already queued keeps its cycles); a think time to pauses that
   * begin after it; an offered rate to the next datagram of each flow.
   * Fields a workload does not have are ignored.
   */
  update(u: LiveWorkloadUpdate): void;
}

/** The workload parameters a live change can set (simulation units). */
export interface LiveWorkloadUpdate {
  readonly app?: AppCost;
  /** request-response: the client's pause between a response and its next request. */
  readonly thinkTimeNs?: number;
  /** udp-stream: offered load in bits per second of payload; 0 = line rate. */
  readonly rateBps?: number;
}

/** An application cost: fixed cycles per request/call plus cycles per byte. */
export interface AppCost {
  readonly perRequest: number;
  readonly perByte: number;
}

const RUN_CLOSURE: EventHandler = {
  onEvent(_kind, _arg, obj) {
    (obj as () => void)();
  },
};

/**
 * Runs the server application's work for a call of `bytes` bytes on the
 * machine's appCpu (Priority.User, category 'app'), then `k`. With no work to
 * do `k` runs at once.
 */
export function appWork(m: Machine, cost: AppCost, bytes: number, k: () => void): void {
  const cycles = cost.perRequest + cost.perByte * bytes;
  if (cycles <= 0) {
    k();
    return;
  }
  m.appCpu.submit(Priority.User, 'app', cycles, RUN_CLOSURE, 0, 0, k);
}

/** Runs `k` after `delay` ns of simulated time (a client's think time). */
export function later(sim: Simulator, delay: number, k: () => void): void {
  if (delay <= 0) k();
  else sim.schedule((sim.now + Math.round(delay)) as Nanos, RUN_CLOSURE, 0, 0, k);
}

/** `p` with the application cost of `u` when it has one. */
export function withApp<P extends { readonly app: AppCost }>(p: P, u: LiveWorkloadUpdate): P {
  return u.app === undefined ? p : { ...p, app: u.app };
}

export type { SocketApi, Ipv4Addr };
