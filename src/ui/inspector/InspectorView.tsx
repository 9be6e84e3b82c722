// The inspector (issue 5 item 5): the frames on the wire and the I2O messages across the
// bus of every configuration, filterable, with a field tree and a hex pane, and the
// capture as a pcapng download. Selecting a row selects that frame in every view.
// The capture point select also chooses where the model captures: socket, IP or driver
// restarts the model capturing there (the I2O messages across the bus are captured at
// every point); the wire choices keep the wire capture and filter wire and bus.
// The capture keeps the newest frames of each configuration only: once older ones are
// gone the view says so (capture-extent.ts), and a selected frame that was evicted is
// named in the detail pane as evicted rather than left as a blank pane. Frames a world
// captured past the run's clock (it may be a slice ahead while running) wait until the
// clock reaches them, so the list never shows a time the run bar does not.
import { useMemo, useState } from 'react';
import { dissectFrame } from '../../net/wire';
import { dissectI2oFrame } from '../../i2o';
import { labStore, useLab } from '../state/store';
import { setCapturePoint } from '../state/views-actions';
import { startScenario } from '../timeline/time-commands';
import { views } from '../views/feed/binding';
import { useFeedVersion } from '../views/feed/use-feed';
import { captureEnds, captureExtents, evictionNote, framesUpTo, missingFrameNote, type FrameMemo } from './capture-extent';
import { captureToPcapng } from './capture-file';
import { DetailTree, type ByteRange } from './DetailTree';
import { HexPane } from './HexPane';
import { connectionsOf, filterRows, mergeByTime, NO_FILTER, rowOf, type PacketFilter, type PacketRow } from './packet-rows';
import { PacketList } from './PacketList';
import { dissectDatagram, dissectSocketRecord } from './point-frames';
import './Inspector.css';

type PointChoice = PacketFilter['layer'] | 'socket' | 'ip' | 'driver';

function treeOf(r: PacketRow) {
  if (r.layer === 'bus') return dissectI2oFrame(r.frame.bytes);
  if (r.point === 'ip') return dissectDatagram(r.frame.bytes);
  if (r.point === 'socket') return dissectSocketRecord(r.frame.bytes, r.frame.comment);
  return dissectFrame(r.frame.bytes);
}

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function InspectorView() {
  const version = useFeedVersion(250);
  const feed = views().feed;
  const selection = useLab((s) => s.selection);
  const point = useLab((s) => s.capturePoint);
  const [filter, setFilter] = useState<PacketFilter>(NO_FILTER);
  const [hover, setHover] = useState<ByteRange | null>(null);
  // Each configuration's frames up to the run's clock (framesUpTo): the list, the counts
  // and the download all hold what the lab shows at this time.
  const shown = useMemo(() => {
    const now = feed.figures?.nowNanos ?? Number.POSITIVE_INFINITY;
    return feed.configurations.map((c) => ({ configuration: c, frames: framesUpTo(feed.get(c)!.frames, now) }));
  }, [version]);
  const all = useMemo(() => mergeByTime(shown.map((s) => s.frames)).map(rowOf), [shown]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);
  const conns = useMemo(() => connectionsOf(all), [all]);
  const extents = useMemo(() => captureExtents(shown), [shown]);
  const ends = useMemo(() => captureEnds(extents), [extents]);
  const note = evictionNote(extents, feed.frameCapacity);
  // Follow the newest frame from the start while the model runs or nothing is listed yet;
  // opened on a paused capture, the list starts at its oldest frame.
  const [followAtStart] = useState(() => labStore.getState().status === 'running' || all.length === 0);
  const frameSel = selection?.kind === 'frame' ? selection : null;
  const chosen = frameSel ? all.find((r) => r.frame.configuration === frameSel.configuration && r.frame.no === frameSel.no) : undefined;
  // The selected frame as last shown, so the pane can still name it once it is evicted.
  const [seen, setSeen] = useState<FrameMemo | null>(null);
  if (chosen && (seen?.configuration !== chosen.frame.configuration || seen.no !== chosen.frame.no)) {
    setSeen({ configuration: chosen.frame.configuration, no: chosen.frame.no, t: chosen.frame.t, summary: chosen.summary });
  }
  const missing = frameSel && !chosen ? missingFrameNote(frameSel, extents, feed.frameCapacity, seen) : null;
  const tree = chosen ? treeOf(chosen) : [];
  const set = (p: Partial<PacketFilter>) => setFilter({ ...filter, ...p });
  const choose = (v: PointChoice) => {
    const at = v === 'socket' || v === 'ip' || v === 'driver' ? v : 'wire';
    set({ layer: at === 'wire' ? v as PacketFilter['layer'] : 'all', connection: null });
    if (at !== point) {
      setCapturePoint(at);
      startScenario();
    }
  };
  return (
    <div className="insp" data-testid="inspector">
      <div className="insp-bar">
        <label>Capture point{' '}
          <select data-testid="inspector.layer" value={point === 'wire' ? filter.layer : point} onChange={(e) => choose(e.target.value as PointChoice)}>
            <option value="all">wire + bus</option>
            <option value="wire">wire (Ethernet)</option>
            <option value="bus">bus (I2O messages)</option>
            <option value="driver">driver (Ethernet at the NIC driver) + bus (restarts the model)</option>
            <option value="ip">IP (raw IPv4 datagrams) + bus (restarts the model)</option>
            <option value="socket">socket (one record per call) + bus (restarts the model)</option>
          </select>
        </label>
        <label><input type="checkbox" data-testid="inspector.hideAcks" checked={filter.hidePureAcks} onChange={(e) => set({ hidePureAcks: e.target.checked })} /> hide pure ACKs</label>
        <label><input type="checkbox" data-testid="inspector.hideArp" checked={filter.hideArp} onChange={(e) => set({ hideArp: e.target.checked })} /> hide ARP</label>
        <label>Connection{' '}
          <select data-testid="inspector.connection" value={filter.connection ?? ''} onChange={(e) => set({ connection: e.target.value || null })}>
            <option value="">all</option>
            {conns.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>Configuration{' '}
          <select data-testid="inspector.configuration" value={filter.configuration ?? ''} onChange={(e) => set({ configuration: e.target.value || null })}>
            <option value="">all</option>
            {feed.configurations.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <button type="button" className="btn" data-testid="inspector.download" disabled={all.length === 0}
          onClick={() => download(captureToPcapng(all.map((r) => r.frame)), 'offload-lab.pcapng')}>Download pcapng</button>
        <span className="insp-count" data-testid="inspector.count">{rows.length} of {all.length} {note ? 'kept' : 'captured'}</span>
      </div>
      {note && <p className="insp-note" data-testid="inspector.evicted">{note}</p>}
      <div className="insp-main">
        <PacketList rows={rows} chosen={chosen} selectedKey={frameSel ? `${frameSel.configuration}:${frameSel.no}` : null}
          captureEnd={ends} followAtStart={followAtStart}
          empty={all.length === 0 ? 'Nothing captured yet: start the network model and step by packet (N) or play.' : 'No frame matches the filters.'} />
        <div className="insp-detail">
          {chosen
            ? <><div className="insp-tree-pane"><DetailTree nodes={tree} onHover={setHover} /></div><HexPane bytes={chosen.frame.bytes} highlight={hover} /></>
            : missing
              ? <p className="insp-missing" data-testid="inspector.selectionMissing" data-evicted={missing.evicted}>{missing.text}</p>
              : <p className="insp-empty">Select a frame to see its fields and bytes. I2O socket-class messages are Intel&apos;s extension, not in the public specification: their encoding here is a reconstruction.</p>}
        </div>
      </div>
    </div>
  );
}
