// The CLI as a function (runCli with captured IO) and once as a real process
// (`npx tsx src/cli/main.ts ... --json`), checking the fields issue 4 names.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPcapng } from '../net/wire';
import { runCli, type CliIo } from './cli';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIELDS = ['configuration', 'goodputBps', 'hostCpuUtil', 'hostCyclesByCategory', 'iopUtil', 'cyclesPerByte', 'serviceDemandUsPerKB',
  'interruptsPerSec', 'i2oMessages', 'bytesDelivered', 'integrityOk', 'simEvents', 'wallMs', 'laws'];

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, Uint8Array | string> = {};
  let clock = 0;
  const x: CliIo = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTTY: false,
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw new Error('ENOENT: no such file');
      return f;
    },
    writeFile: (p, d) => {
      written[p] = d;
    },
    now: () => (clock += 1),
  };
  return { x, out: () => out.join(''), err: () => err.join(''), written };
}

const SHORT = ['--duration', '3ms', '--set', 'warmupMs=0.5'];

describe('runCli', () => {
  it('prints per configuration every field the issue names as JSON', () => {
    const t = io();
    const code = runCli(['--preset', '2002-gigabit', '--config', 'native,offload', ...SHORT, '--seed', '7', '--json'], t.x);
    expect(code).toBe(0);
    const j = JSON.parse(t.out()) as { seed: number; configurations: Record<string, unknown>[] };
    expect(j.seed).toBe(7);
    expect(j.configurations.map((c) => c.configuration)).toEqual(['native', 'offload']);
    for (const c of j.configurations) for (const f of FIELDS) expect(c, f).toHaveProperty(f);
    const off = j.configurations[1]!;
    expect(off.i2oMessages as number).toBeGreaterThan(0);
    expect((off.laws as { predictedGoodputBps: number }).predictedGoodputBps).toBeGreaterThan(0);
  }, 60_000);

  it('prints a table for people without --json', () => {
    const t = io();
    expect(runCli(['--config', 'offload', ...SHORT], t.x)).toBe(0);
    console.log(t.out());
    expect(t.out()).toMatch(/goodput\s+\d/);
    expect(t.out()).toContain('host CPU');
    expect(t.out()).toContain('LAWS');
  }, 60_000);

  it('reads a scenario file and applies --set on top', () => {
    const t = io({ 's.json': JSON.stringify({ name: 'from-file', durationMs: 3, warmupMs: 1, configurations: ['native'], workload: { kind: 'bulk', messageBytes: 8192 } }) });
    expect(runCli(['--scenario', 's.json', '--set', 'seed=3', '--json'], t.x)).toBe(0);
    const j = JSON.parse(t.out()) as { scenario: string; seed: number; configurations: unknown[] };
    expect([j.scenario, j.seed, j.configurations.length]).toEqual(['from-file', 3, 1]);
  }, 60_000);

  it.each([
    [['--preset', 'nope'], "--preset: unknown preset 'nope'"],
    [['--config', 'native,turbo'], "--config: unknown configuration 'turbo'"],
    [['--set', 'wire.nope=3'], '--set wire.nope=3: wire.nope is not a known parameter'],
    [['--set', 'inic.iopClockMHz=fast'], '--set inic.iopClockMHz=fast: inic.iopClockMHz'],
    [['--scenario', 'missing.json'], "--scenario: cannot read 'missing.json'"],
    [['--sweep', 'inic.iopClockMHz=1:2'], '--sweep inic.iopClockMHz=1:2'],
    [['--duration', 'x'], '--duration'],
  ])('exits non-zero on %j and says what is wrong', (argv, msg) => {
    const t = io();
    expect(runCli(argv, t.x)).toBe(2);
    expect(t.err()).toContain(msg);
    expect(t.out()).toBe('');
  });

  it('runs a 2-D sweep grid and prints one CSV line per point and configuration', () => {
    const t = io();
    const code = runCli(['--config', 'native,offload', '--duration', '2ms', '--set', 'warmupMs=0.5',
      '--sweep', 'inic.iopClockMHz=300:600:2', '--sweep', 'workload.messageBytes=4096:65536:2'], t.x);
    expect(code).toBe(0);
    const lines = t.out().trim().split('\n');
    console.log(lines.join('\n'));
    expect(lines[0]).toMatch(/^point,inic\.iopClockMHz,workload\.messageBytes,configuration,goodputBps/);
    expect(lines.length).toBe(1 + 4 * 2);
  }, 120_000);

  it('writes the wire capture as pcapng', () => {
    const t = io();
    expect(runCli(['--config', 'native', '--duration', '1ms', '--set', 'warmupMs=0.1', '--pcap', 'out.pcapng', '--json'], t.x)).toBe(0);
    const bytes = t.written['out.pcapng'];
    if (!(bytes instanceof Uint8Array)) throw new Error('no pcap written');
    const f = readPcapng(bytes);
    if ('wireError' in f) throw new Error(JSON.stringify(f));
    expect(f.packets.length).toBeGreaterThan(5);
  }, 60_000);

  it('writes the IP-layer capture as raw IPv4 with --capture-point ip', () => {
    const t = io();
    expect(runCli(['--config', 'native', '--duration', '1ms', '--set', 'warmupMs=0.1', '--pcap', 'ip.pcapng', '--capture-point', 'ip', '--json'], t.x)).toBe(0);
    const bytes = t.written['ip.pcapng'];
    if (!(bytes instanceof Uint8Array)) throw new Error('no pcap written');
    const f = readPcapng(bytes);
    if ('wireError' in f) throw new Error(JSON.stringify(f));
    expect(f.interfaces[0]?.linkType).toBe(101);
    expect(f.packets.length).toBeGreaterThan(5);
    // Raw IPv4: every packet starts with version 4.
    for (const p of f.packets.filter((q) => q.interfaceId === 0)) expect(p.data[0]! >> 4).toBe(4);
  }, 60_000);

  it('refuses an unknown capture point and a capture point without --pcap', () => {
    const t = io();
    expect(runCli(['--pcap', 'x.pcapng', '--capture-point', 'nic'], t.x)).toBe(2);
    expect(t.err()).toMatch(/--capture-point: must be one of .*got 'nic'/);
    const u = io();
    expect(runCli(['--capture-point', 'ip'], u.x)).toBe(2);
    expect(u.err()).toMatch(/--capture-point applies to --pcap/);
  });
});

describe('npm run sim as a process', () => {
  it('prints JSON with the issue\'s fields from a real spawn', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', '--preset', '2002-gigabit', '--config', 'native,offload', '--duration', '2ms', '--set', 'warmupMs=0.5', '--seed', '7', '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const j = JSON.parse(out) as { configurations: Record<string, unknown>[] };
    for (const c of j.configurations) {
      for (const f of FIELDS) expect(c, f).toHaveProperty(f);
      expect(c.integrityOk).toBe(true);
      expect(c.wallMs as number).toBeGreaterThan(0);
    }
  }, 120_000);
});
