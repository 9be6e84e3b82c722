// Public names of src/ui/inspector: the packet and I2O inspector, its rows and filters,
// and the pcapng export.
export { InspectorView } from './InspectorView';
export { rowOf, filterRows, connectionsOf, NO_FILTER, type PacketRow, type PacketFilter } from './packet-rows';
export { captureToPcapng } from './capture-file';
export { captureExtents, evictionNote, missingFrameNote, arrivedSince, type CaptureExtent } from './capture-extent';
