// Command-line arguments of the bridge (src/cli/bridge/main.ts).
//
//   --serve-http <port>        the lab's stack serves HTTP/1.0 on 10.77.0.2:<port>
//   --send-to <addr>:<port>    the lab's client sends to a kernel listener in the namespace
//   --size <n>[K|M|G][B|iB]    bytes of payload (default 10MB; KB/MB/GB are powers of 10, KiB/MiB/GiB of 2)
//   --netem "<params>"         tc netem on the TUN inside the namespace, e.g. "loss 1% reorder 25% delay 1ms"
//   --once                     with --serve-http: exit after the first response is complete
//   --wait <seconds>           with --send-to: how long to wait for the listener (default 120)
//   --seed <n>                 the simulation's seed (default 1)
//
// Contract: parseArgs never throws; it returns the options or an error message.
// A --send-to address outside 10.77.0.0/24 is refused: the bridge's traffic
// stays inside the namespace.
import { DEFAULT_LAB_ADDR } from './namespace';

export type BridgeMode =
  | { readonly kind: 'serve-http'; readonly port: number; readonly once: boolean }
  | { readonly kind: 'send-to'; readonly addr: string; readonly port: number; readonly waitSeconds: number };

export interface BridgeArgs {
  readonly mode: BridgeMode;
  readonly size: number;
  readonly netem: readonly string[];
  readonly seed: number;
}

export const USAGE = `usage: npx tsx src/cli/bridge/main.ts (--serve-http <port> | --send-to <addr>:<port>) [--size 10MB]
       [--netem "loss 1% reorder 25% delay 1ms"] [--once] [--wait <s>] [--seed <n>]`;

const UNITS: Record<string, number> = {
  '': 1, B: 1, K: 1e3, KB: 1e3, M: 1e6, MB: 1e6, G: 1e9, GB: 1e9,
  KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3,
};

/** "10MB" -> 10000000, "4MiB" -> 4194304, "1500" -> 1500; an error message otherwise. */
export function parseSize(text: string): number | string {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
  const unit = m?.[2]?.toUpperCase() ?? '';
  const mult = UNITS[unit];
  if (!m || mult === undefined) return `bad size "${text}" (use e.g. 10MB, 4MiB, 1500)`;
  const n = Math.round(Number(m[1]) * mult);
  if (!Number.isSafeInteger(n) || n < 0) return `size "${text}" out of range`;
  return n;
}

function parsePort(text: string | undefined): number | string {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : `bad port "${text ?? ''}"`;
}

function inLabSubnet(addr: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (!m) return false;
  const lab = DEFAULT_LAB_ADDR.split('.');
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) && octets.slice(0, 3).join('.') === lab.slice(0, 3).join('.') && addr !== DEFAULT_LAB_ADDR;
}

export function parseArgs(argv: readonly string[]): BridgeArgs | string {
  let serve: number | null = null;
  let sendTo: { addr: string; port: number } | null = null;
  let size = 10_000_000;
  let netem: string[] = [];
  let once = false;
  let waitSeconds = 120;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    switch (a) {
      case '--serve-http': {
        const p = parsePort(value());
        if (typeof p === 'string') return p;
        serve = p;
        break;
      }
      case '--send-to': {
        const v = value() ?? '';
        const at = v.lastIndexOf(':');
        const addr = v.slice(0, at);
        const p = parsePort(v.slice(at + 1));
        if (at < 0 || typeof p === 'string') return `bad --send-to "${v}" (use <addr>:<port>)`;
        if (!inLabSubnet(addr)) return `--send-to ${addr}: only addresses in the namespace's 10.77.0.0/24 (the kernel is 10.77.0.1)`;
        sendTo = { addr, port: p };
        break;
      }
      case '--size': {
        const s = parseSize(value() ?? '');
        if (typeof s === 'string') return s;
        size = s;
        break;
      }
      case '--netem':
        netem = (value() ?? '').split(/\s+/).filter((w) => w.length > 0);
        if (netem.length === 0) return '--netem needs parameters, e.g. "loss 1%"';
        break;
      case '--once':
        once = true;
        break;
      case '--wait': {
        const w = Number(value());
        if (!(w > 0)) return 'bad --wait (seconds > 0)';
        waitSeconds = w;
        break;
      }
      case '--seed': {
        const s = Number(value());
        if (!Number.isInteger(s)) return 'bad --seed (an integer)';
        seed = s;
        break;
      }
      default:
        return `unknown argument "${a}"`;
    }
  }
  if ((serve === null) === (sendTo === null)) return 'give exactly one of --serve-http <port> and --send-to <addr>:<port>';
  const mode: BridgeMode = serve !== null
    ? { kind: 'serve-http', port: serve, once }
    : { kind: 'send-to', addr: sendTo!.addr, port: sendTo!.port, waitSeconds };
  return { mode, size, netem, seed };
}
