// Argument parsing of `npm run sim`: every flag, and errors that name the
// flag and what is wrong.
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { parseDuration } from './duration';

describe('parseArgs', () => {
  it('reads the example command of the issue', () => {
    const r = parseArgs(['--preset', '2002-gigabit', '--config', 'native,offload', '--duration', '1s', '--seed', '7', '--json']);
    if (!r.ok) throw new Error(r.error);
    expect(r.options).toMatchObject({ preset: '2002-gigabit', configurations: ['native', 'offload'], durationMs: 1000, seed: 7, json: true });
  });

  it('takes repeated --set and --sweep, --flag=value forms, --out and --pcap', () => {
    const r = parseArgs(['--set', 'nic.tso=true', '--set=workload.messageBytes=1460', '--sweep', 'a=1:2:3', '--sweep', 'b=0:1:2', '--out', 'json']);
    if (!r.ok) throw new Error(r.error);
    expect(r.options.sets).toEqual(['nic.tso=true', 'workload.messageBytes=1460']);
    expect(r.options.sweeps).toEqual(['a=1:2:3', 'b=0:1:2']);
    expect(r.options.out).toBe('json');
    const p = parseArgs(['--pcap', 'x.pcapng', '--progress']);
    if (!p.ok) throw new Error(p.error);
    expect([p.options.pcap, p.options.progress]).toEqual(['x.pcapng', true]);
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['stray'], "unexpected argument 'stray'"],
    [['--duration'], '--duration needs a value'],
    [['--duration', 'soon'], "--duration: bad duration 'soon'"],
    [['--duration', '0s'], 'more than zero'],
    [['--seed', '-1'], '--seed: must be a whole number'],
    [['--seed', '1.5'], '--seed: must be a whole number'],
    [['--set', 'novalue'], "--set: must be PATH=VALUE, got 'novalue'"],
    [['--out', 'xml', '--sweep', 'a=1:2:2'], "--out: must be csv or json, got 'xml'"],
    [['--out', 'csv'], '--out applies to sweeps'],
    [['--preset', 'a', '--scenario', 'b'], 'cannot be used together'],
    [['--config', ','], '--config needs at least one configuration'],
  ])('rejects %j with an error naming the fault', (argv, msg) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(msg);
  });
});

describe('parseDuration', () => {
  it('reads units and treats a bare number as milliseconds', () => {
    expect(parseDuration('1s')).toEqual({ ok: true, ms: 1000 });
    expect(parseDuration('250ms')).toEqual({ ok: true, ms: 250 });
    expect(parseDuration('500us')).toEqual({ ok: true, ms: 0.5 });
    expect(parseDuration('1.5s')).toEqual({ ok: true, ms: 1500 });
    expect(parseDuration('30')).toEqual({ ok: true, ms: 30 });
    expect(parseDuration('1 h').ok).toBe(false);
  });
});
