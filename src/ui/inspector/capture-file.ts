// The capture as a pcapng file (PcapngWriter): per configuration and capture point one
// interface of that point's link type (CAPTURE_LINKTYPES: Ethernet at the wire and the
// driver, LINKTYPE_RAW at IP, LINKTYPE_USER1 for socket records, whose call goes in the
// packet comment) and one LINKTYPE_USER0 interface for the I2O frames across the bus (I2O
// has no registered link type), timestamps in simulated nanoseconds.
import { PcapngWriter } from '../../net/wire';
import { CAPTURE_LINKTYPES, I2O_LINKTYPE } from '../../scenario';
import type { StreamCapturePoint } from '../../worker';
import type { FeedFrame } from '../views/feed/view-feed';

const DESCRIPTIONS: Readonly<Record<StreamCapturePoint, string>> = {
  wire: 'Ethernet frames at the server-peer wire',
  driver: 'Ethernet frames as the driver posts them to the NIC and takes them from it',
  ip: 'raw IPv4 datagrams at the server\'s IP layer',
  socket: 'the data of each socket call (the call is the packet comment)',
};

export function captureToPcapng(frames: readonly FeedFrame[]): Uint8Array {
  const w = new PcapngWriter({ application: 'offload-lab', comment: 'simulated capture: timestamps are simulated time' });
  const ifaces = new Map<string, number>();
  const ifaceFor = (cfg: string, bus: boolean, point: StreamCapturePoint): number => {
    const key = `${cfg}:${bus ? 'i2o' : point}`;
    let id = ifaces.get(key);
    if (id === undefined) {
      id = bus
        ? w.addInterface({ name: key, description: 'I2O message frames across the host bus', linkType: I2O_LINKTYPE })
        : w.addInterface({ name: key, description: DESCRIPTIONS[point], linkType: CAPTURE_LINKTYPES[point] });
      ifaces.set(key, id);
    }
    return id;
  };
  const sorted = [...frames].sort((a, b) => a.t - b.t || a.no - b.no);
  for (const f of sorted) {
    const bus = f.source === 'i2o-inbound' || f.source === 'i2o-outbound';
    const point = f.point ?? 'wire';
    const comment = bus ? f.source : point === 'socket' ? f.comment : undefined;
    w.writePacket(ifaceFor(f.configuration, bus, point), f.t, f.bytes, f.bytes.length, comment);
  }
  return w.toBytes();
}
