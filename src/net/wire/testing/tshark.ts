// tshark helpers for tests (test-only: uses node:child_process and the file
// system). Later suites (TCP, stack, link) reuse them to have Wireshark's
// dissectors judge the bytes the lab writes.
//
// tshark exits 0 even when it finds bad checksums or malformed packets, so
// these helpers parse its reports and return counts for the test to assert on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TSHARK_MISSING_MESSAGE =
  "tshark not found: install Debian's tshark package (apt-get install tshark) to run this test";

/** Checksum validation is off by default in tshark; the lab's files must pass with it on. */
export const TSHARK_CHECKSUM_ARGS: readonly string[] = [
  '-o', 'ip.check_checksum:TRUE',
  '-o', 'tcp.check_checksum:TRUE',
  '-o', 'udp.check_checksum:TRUE',
];

let available: boolean | undefined;

export function tsharkAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync('tshark', ['-v'], { encoding: 'utf8' });
    available = r.status === 0;
  }
  return available;
}

function tshark(args: readonly string[]): string {
  const r = spawnSync('tshark', args as string[], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Temporary folders made by writeTempCapture and not yet removed. */
const tempDirs: string[] = [];

/** Removes every file writeTempCapture made (test files call it after all their tests). */
export function removeTempCaptures(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes bytes to a fresh temporary file and returns its path, until removeTempCaptures. */
export function writeTempCapture(bytes: Uint8Array, name = 'capture.pcapng'): string {
  const dir = mkdtempSync(join(tmpdir(), 'offload-lab-'));
  tempDirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export type ExpertSeverity = 'error' | 'warning' | 'note' | 'chat' | 'comment';

export interface ExpertEntry {
  severity: ExpertSeverity;
  frequency: number;
  group: string;
  protocol: string;
  summary: string;
}

export interface ExpertReport {
  errors: number;
  warnings: number;
  notes: number;
  chats: number;
  /** Frames tshark marks malformed (_ws.malformed). */
  malformed: number;
  entries: ExpertEntry[];
}

const SECTION: Record<string, ExpertSeverity> = {
  Errors: 'error',
  Warns: 'warning',
  Notes: 'note',
  Chats: 'chat',
  Comments: 'comment',
};

/**
 * `tshark -r file <checksums on> <extra> -q -z expert`, parsed, plus a count of
 * malformed frames. extraArgs may add decode-as rules (`-d tcp.port==5000,data`).
 */
export function tsharkExpert(file: string, extraArgs: readonly string[] = []): ExpertReport {
  const out = tshark(['-r', file, ...TSHARK_CHECKSUM_ARGS, ...extraArgs, '-q', '-z', 'expert']);
  const entries: ExpertEntry[] = [];
  let severity: ExpertSeverity | undefined;
  for (const line of out.split('\n')) {
    const head = /^(Errors|Warns|Notes|Chats|Comments) \(\d+\)/.exec(line);
    if (head) {
      severity = SECTION[head[1]!];
      continue;
    }
    const row = /^\s+(\d+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(line);
    if (severity && row) {
      entries.push({ severity, frequency: Number(row[1]), group: row[2]!, protocol: row[3]!, summary: row[4]!.trim() });
    }
  }
  const count = (s: ExpertSeverity): number =>
    entries.filter((e) => e.severity === s).reduce((n, e) => n + e.frequency, 0);
  const malformedOut = tshark(['-r', file, ...TSHARK_CHECKSUM_ARGS, ...extraArgs, '-Y', '_ws.malformed', '-T', 'fields', '-e', 'frame.number']);
  return {
    errors: count('error'),
    warnings: count('warning'),
    notes: count('note'),
    chats: count('chat'),
    malformed: malformedOut.split('\n').filter((l) => l.trim() !== '').length,
    entries,
  };
}

export interface FollowedStream {
  node0: string;
  node1: string;
  /** Bytes sent by node 0 (the side tshark saw first), in stream order. */
  fromNode0: Uint8Array;
  fromNode1: Uint8Array;
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** tshark's reassembly of TCP stream `streamIndex` (`-z follow,tcp,raw,N`), split by direction. */
export function tsharkFollowTcp(file: string, streamIndex: number, extraArgs: readonly string[] = []): FollowedStream {
  const out = tshark(['-r', file, ...extraArgs, '-q', '-z', `follow,tcp,raw,${streamIndex}`]);
  const a: Uint8Array[] = [];
  const b: Uint8Array[] = [];
  let node0 = '';
  let node1 = '';
  for (const line of out.split('\n')) {
    const node = /^Node ([01]): (.*)$/.exec(line);
    if (node) {
      if (node[1] === '0') node0 = node[2]!;
      else node1 = node[2]!;
    } else if (/^\t[0-9a-f]+$/.test(line)) b.push(hexBytes(line.slice(1)));
    else if (/^[0-9a-f]+$/.test(line)) a.push(hexBytes(line));
  }
  return { node0, node1, fromNode0: concat(a), fromNode1: concat(b) };
}

/** Rows of `-T fields` output: one array of strings per frame that passes the display filter. */
export function tsharkFields(file: string, fields: readonly string[], filter?: string, extraArgs: readonly string[] = []): string[][] {
  const args = ['-r', file, ...TSHARK_CHECKSUM_ARGS, ...extraArgs, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])];
  if (filter !== undefined) args.push('-Y', filter);
  return tshark(args)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

export interface PdmlField {
  name: string;
  showname: string;
  pos: number;
  size: number;
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#x27;': "'", '&apos;': "'" };

/** Every field of every packet, from `tshark -T pdml` (checksum validation on): one array per packet. */
export function tsharkPdml(file: string, extraArgs: readonly string[] = []): PdmlField[][] {
  const out = tshark(['-r', file, ...TSHARK_CHECKSUM_ARGS, ...extraArgs, '-T', 'pdml']);
  return out
    .split('<packet>')
    .slice(1)
    .map((packet) => {
      const fields: PdmlField[] = [];
      for (const m of packet.matchAll(/<field name="([^"]*)" showname="([^"]*)" size="(\d+)" pos="(\d+)"/g)) {
        fields.push({
          name: m[1]!,
          showname: m[2]!.replace(/&(quot|amp|lt|gt|#x27|apos);/g, (e) => ENTITIES[e] ?? e),
          size: Number(m[3]),
          pos: Number(m[4]),
        });
      }
      return fields;
    });
}
