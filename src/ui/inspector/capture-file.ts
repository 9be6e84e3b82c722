// The capture as a pcapng file (PcapngWriter): per configuration one Ethernet interface
// for the wire and one LINKTYPE_USER0 interface for the I2O frames across the bus (I2O
// has no registered link type), timestamps in simulated nanoseconds.
import { PcapngWriter } from '../../net/wire';
import type { FeedFrame } from '../views/feed/view-feed';

const LINKTYPE_USER0 = 147;

export function captureToPcapng(frames: readonly FeedFrame[]): Uint8Array {
  const w = new PcapngWriter({ application: 'offload-lab', comment: 'simulated capture: timestamps are simulated time' });
  const ifaces = new Map<string, number>();
  const ifaceFor = (cfg: string, bus: boolean): number => {
    const key = `${cfg}:${bus ? 'i2o' : 'wire'}`;
    let id = ifaces.get(key);
    if (id === undefined) {
      id = bus
        ? w.addInterface({ name: key, description: 'I2O message frames across the host bus', linkType: LINKTYPE_USER0 })
        : w.addInterface({ name: key, description: 'Ethernet frames at the server-peer wire' });
      ifaces.set(key, id);
    }
    return id;
  };
  const sorted = [...frames].sort((a, b) => a.t - b.t || a.no - b.no);
  for (const f of sorted) {
    const bus = f.source === 'i2o-inbound' || f.source === 'i2o-outbound';
    w.writePacket(ifaceFor(f.configuration, bus), f.t, f.bytes, f.bytes.length, bus ? f.source : undefined);
  }
  return w.toBytes();
}
