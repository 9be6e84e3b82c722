// The bridge's command: the lab's stack, driven in real time, joined to the
// Linux kernel in a fresh network namespace through a TUN (see session.ts).
//
//   npx tsx src/cli/bridge/main.ts --serve-http 8080 --size 10MB
//   npx tsx src/cli/bridge/main.ts --send-to 10.77.0.1:9000 --size 10MB
//
// It prints the commands to run inside the namespace and the sha256 the bytes
// must have. Whatever way it ends (done, error, Ctrl-C, SIGTERM) it ends the
// processes it started, by pid, and deletes the namespace. Needs root.
import { ipv4 } from '../../net/wire';
import { parseArgs, USAGE } from './args';
import type { BridgeArgs } from './args';
import { HttpPayloadServer, PAYLOAD_CONN_HTTP } from './http-server';
import { impairBothWays } from './impairment';
import { DEFAULT_LAB_ADDR, sweepStaleNamespaces } from './namespace';
import { payloadSha256 } from './payload-digest';
import { PAYLOAD_CONN_SEND, sendPayloadTo } from './payload-sender';
import { describeMissing, missingRequirements } from './preflight';
import { BridgeSession } from './session';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function wallSeconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function rate(bytes: number, secs: number): string {
  return `${bytes} bytes in ${secs.toFixed(2)} s (${((bytes * 8) / secs / 1e6).toFixed(1)} Mb/s)`;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    say(`${args}\n${USAGE}`);
    return 2;
  }
  const missing = missingRequirements(false);
  if (missing.length > 0) {
    say(`cannot start the bridge: ${describeMissing(missing)}`);
    return 1;
  }
  for (const n of sweepStaleNamespaces()) say(`deleted a namespace left by a dead bridge: ${n}`);
  const session = await BridgeSession.open({ seed: args.seed });
  if (typeof session === 'string') {
    say(`cannot start the bridge: ${session}`);
    return 1;
  }
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((r) => (finish = r));
  const onSignal = (sig: NodeJS.Signals): void => {
    say(`\n${sig}: stopping`);
    finish(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => session.closeSync());

  say(`namespace ${session.ns.name}: kernel ${session.ns.kernelAddr} on ${session.ns.tunName}, lab stack ${DEFAULT_LAB_ADDR}`);
  if (args.netem.length > 0) {
    const r = impairBothWays(session.ns, ['netem', ...args.netem]);
    if (!r.ok) {
      say(`netem: ${r.message}`);
      await session.close();
      return 1;
    }
    say(`netem on both directions of ${session.ns.tunName}: ${args.netem.join(' ')}`);
  }
  say(`a shell in the namespace: ip netns exec ${session.ns.name} bash`);
  if (args.mode.kind === 'serve-http') serve(session, args, args.mode.port, args.mode.once, finish);
  else void send(session, args, args.mode.addr, args.mode.port, args.mode.waitSeconds, finish);
  const code = await finished;
  await session.close();
  return code;
}

function serve(session: BridgeSession, args: BridgeArgs, port: number, once: boolean, finish: (c: number) => void): void {
  let t0 = process.hrtime.bigint();
  const server = new HttpPayloadServer(session.stack, {
    port,
    size: args.size,
    onRequest: (method, target) => {
      t0 = process.hrtime.bigint();
      say(`request: ${method} ${target}`);
    },
    onResponse: (r) => {
      const secs = wallSeconds(t0);
      say(r.error ? `response failed: ${r.error} after ${r.bodyBytes} body bytes` : `served ${r.status}: ${rate(r.bodyBytes, secs)}`);
      if (once) finish(r.error ? 1 : 0);
    },
  });
  session.act(() => {
    const r = server.start();
    if (r !== 0) {
      say(`listen on ${port}: ${r.errno}`);
      finish(1);
    }
  });
  say(`serving HTTP/1.0 on ${DEFAULT_LAB_ADDR}:${port}, ${args.size} bytes of payload per GET${once ? ' (once)' : ''}; Ctrl-C stops`);
  say(`run:   ip netns exec ${session.ns.name} curl -o /tmp/offlab-download.bin http://${DEFAULT_LAB_ADDR}:${port}/`);
  say(`check: sha256sum /tmp/offlab-download.bin   # expect ${payloadSha256(PAYLOAD_CONN_HTTP, args.size)}`);
}

async function send(
  session: BridgeSession, args: BridgeArgs, addr: string, port: number, waitSeconds: number, finish: (c: number) => void,
): Promise<void> {
  say(`start a listener: ip netns exec ${session.ns.name} nc -l ${port} > /tmp/offlab-received.bin`);
  say(`check: sha256sum /tmp/offlab-received.bin   # expect ${payloadSha256(PAYLOAD_CONN_SEND, args.size)}`);
  say(`waiting up to ${waitSeconds} s for a listener on ${addr}:${port} ...`);
  const deadline = process.hrtime.bigint() + BigInt(Math.round(waitSeconds * 1e9));
  while (!session.ns.isListening(port)) {
    if (process.hrtime.bigint() > deadline) {
      say(`no listener on port ${port} in the namespace after ${waitSeconds} s`);
      return finish(1);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const t0 = process.hrtime.bigint();
  session.act(() =>
    sendPayloadTo(session.stack, { addr: ipv4(addr), port }, args.size, (r) => {
      say(r.error ? `send failed (${r.error}) after ${r.sent} bytes` : `sent and closed: ${rate(r.sent, wallSeconds(t0))}`);
      finish(r.error ? 1 : 0);
    }),
  );
}

process.exitCode = await main(process.argv.slice(2));
