import { describe, expect, it } from 'vitest';
import { ProcessSet } from './processes';

describe('ProcessSet', () => {
  it('ends a child that ignores nothing with SIGTERM, by its pid', async () => {
    const set = new ProcessSet();
    const c = set.start('sleep', ['30']);
    if (typeof c === 'string') throw new Error(c);
    expect(set.live).toHaveLength(1);
    await set.stopAll(2000);
    expect(c.hasExited()).toBe(true);
    expect(set.live).toHaveLength(0);
  });

  it('SIGKILLs a child that ignores SIGTERM once the grace time is over', async () => {
    const set = new ProcessSet();
    const c = set.start('sh', ['-c', 'trap "" TERM; echo ready; sleep 30 & wait'], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (typeof c === 'string') throw new Error(c);
    await new Promise<void>((r) => c.process.stdout?.once('data', () => r()));
    await set.stop(c, 100);
    expect(c.hasExited()).toBe(true);
    expect(await c.exited).toBe(null); // ended by a signal
  });

  it('reports a command that cannot be started as an error value, not an exception', async () => {
    const set = new ProcessSet();
    const c = set.start('/nonexistent/offlab-no-such-command', []);
    if (typeof c !== 'string') {
      // setpriv started and then failed to exec it: the child exits non-zero.
      expect(await c.exited).not.toBe(0);
    } else {
      expect(c).toMatch(/offlab-no-such-command/);
    }
  });

  it('keeps what the child wrote to stderr', async () => {
    const set = new ProcessSet();
    const c = set.start('sh', ['-c', 'echo oops >&2']);
    if (typeof c === 'string') throw new Error(c);
    await c.exited;
    // 'exit' can come before the last of the child's stderr is read: wait for it.
    for (let waited = 0; !c.stderr().includes('oops') && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(c.stderr()).toContain('oops');
  });
});
