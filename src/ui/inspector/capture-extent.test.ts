import { describe, expect, it } from 'vitest';
import { readPcapng } from '../../net/wire';
import { emptyTraceColumns, type StreamFrame } from '../../worker';
import { ViewFeed, type FeedFrame } from '../views/feed/view-feed';
import { captureToPcapng } from './capture-file';
import { arrivedSince, captureEnds, captureExtents, evictionNote, framesUpTo, missingFrameNote } from './capture-extent';

const frame = (no: number): StreamFrame => ({ no, t: no * 1000, source: 'server->peer', bytes: new Uint8Array([no & 0xff]) });

/** A real feed with `capacity` frames kept per configuration, fed `counts[c]` frames per configuration in batches of 700. */
function feedWith(counts: Record<string, number>, capacity: number): ViewFeed {
  const feed = new ViewFeed(16, capacity);
  const sent: Record<string, number> = {};
  for (let more = true; more;) {
    more = false;
    const worlds = Object.entries(counts).map(([configuration, n]) => {
      const from = sent[configuration] ?? 0;
      const to = Math.min(n, from + 700);
      sent[configuration] = to;
      if (to < n) more = true;
      return {
        configuration, trace: emptyTraceColumns(), traceDropped: 0, framesDropped: 0, samples: {}, summary: null,
        frames: Array.from({ length: to - from }, (_, i) => frame(from + i)),
      };
    });
    feed.listener.stream?.({ reset: false, worlds });
  }
  return feed;
}

const extentsOf = (feed: ViewFeed) => captureExtents(feed.configurations.map((c) => feed.get(c)!));

describe('the capture extent', () => {
  it('counts what each configuration captured from its newest frame number, and what the feed still keeps', () => {
    const e = extentsOf(feedWith({ native: 5000, offload: 300 }, 4096));
    expect(e).toEqual([
      { configuration: 'native', kept: 4096, captured: 5000, firstNo: 904, lastNo: 4999 },
      { configuration: 'offload', kept: 300, captured: 300, firstNo: 0, lastNo: 299 },
    ]);
  });

  it('says nothing while every captured frame is kept', () => {
    expect(evictionNote(extentsOf(feedWith({ native: 4096, offload: 10 }, 4096)), 4096)).toBeNull();
    expect(evictionNote([], 4096)).toBeNull();
  });

  it('once frames are evicted, says how many of how many are shown, and the pcapng download holds exactly those', () => {
    const feed = feedWith({ native: 12_345 }, 4096);
    const note = evictionNote(extentsOf(feed), 4096);
    expect(note).toBe('Showing the newest 4,096 of 12,345 captured frames (the lab keeps 4,096): '
      + 'the 8,249 older ones are gone, and the pcapng download holds only these 4,096.');
    const file = readPcapng(captureToPcapng(feed.get('native')!.frames));
    if ('kind' in file) throw new Error(file.kind);
    expect(file.packets).toHaveLength(4096);
  });

  it('with several configurations, counts them together and says the cap is per configuration', () => {
    const note = evictionNote(extentsOf(feedWith({ native: 5000, offload: 4500 }, 4096)), 4096);
    expect(note).toContain('Showing the newest 8,192 of 9,500 captured frames');
    expect(note).toContain('(the lab keeps 4,096 per configuration): the 1,308 older ones are gone');
  });
});

describe('frames up to the run\'s clock', () => {
  const fed = (n: number): FeedFrame => ({ ...frame(n), configuration: 'native' });

  it('keeps the frames captured at or before the clock, dropping those of a world that ran ahead', () => {
    const frames = [fed(0), fed(1), fed(2), fed(3)];
    expect(framesUpTo(frames, 2000).map((f) => f.no)).toEqual([0, 1, 2]);
    expect(framesUpTo(frames, 1999.5).map((f) => f.no)).toEqual([0, 1]);
    expect(framesUpTo(frames, Number.POSITIVE_INFINITY)).toEqual(frames);
    expect(framesUpTo(frames, -1)).toEqual([]);
  });

  it('returns a copy, so the feed splicing its array later does not change what was read', () => {
    const frames = [fed(0), fed(1)];
    const shown = framesUpTo(frames, Number.POSITIVE_INFINITY);
    frames.splice(0, 1);
    expect(shown.map((f) => f.no)).toEqual([0, 1]);
  });
});

describe('frames arrived since', () => {
  it('counts the frames numbered at or after the mark of their configuration, and all of a configuration that had none', () => {
    const rows = [
      { frame: { configuration: 'native', no: 4 } }, { frame: { configuration: 'native', no: 5 } },
      { frame: { configuration: 'offload', no: 0 } }, { frame: { configuration: 'native', no: 6 } },
    ] as unknown as Parameters<typeof arrivedSince>[0];
    expect(arrivedSince(rows, { native: 5 })).toBe(3);
    expect(arrivedSince(rows, { native: 7, offload: 1 })).toBe(0);
  });

  it('marks each configuration at the number its next frame will carry', () => {
    expect(captureEnds(extentsOf(feedWith({ native: 5000, offload: 0 }, 4096)))).toEqual({ native: 5000, offload: 0 });
  });
});

describe('a selected frame without a row', () => {
  const extents = extentsOf(feedWith({ native: 5000 }, 4096));

  it('says it was evicted, naming the frame as it was shown, and what the configuration holds now', () => {
    const seen = { configuration: 'native', no: 3, t: 3000, summary: 'ARP, Request' };
    const n = missingFrameNote({ configuration: 'native', no: 3 }, extents, 4096, seen);
    expect(n.evicted).toBe(true);
    expect(n.text).toBe('The selected frame (native, 3.000 µs: ARP, Request) was evicted: the lab keeps only the newest 4,096 frames '
      + 'of each configuration (native now holds 4,096 of 5,000 captured), so its fields and bytes are gone. Select a frame in the list.');
  });

  it('names it by number when the pane never showed it', () => {
    const n = missingFrameNote({ configuration: 'native', no: 3 }, extents, 4096, { configuration: 'native', no: 9, t: 1, summary: 'x' });
    expect(n.text).toContain('(native, capture number 3) was evicted');
  });

  it('after a rewind, says the frame is not captured yet rather than evicted', () => {
    const n = missingFrameNote({ configuration: 'native', no: 6000 }, extents, 4096, null);
    expect(n.evicted).toBe(false);
    expect(n.text).toContain('is not captured yet at the time shown');
  });

  it('for a configuration the capture does not have, says so', () => {
    expect(missingFrameNote({ configuration: 'stateless', no: 0 }, extents, 4096, null).text).toContain('is not in this capture');
  });
});
