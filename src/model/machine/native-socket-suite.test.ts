// The socket-level suite (src/net/stack/testing) against the native machine's
// API (host syscall and socket layers in front of the INET stack, NIC, NAPI):
// the same tests the bare stack and the offload OSM pass, with the native
// machine as the server and as the client.
import { describeSocketSuite } from '../../net/stack/testing/socket-suite';
import { DEAD_ADDR, PEER_ADDR, SERVER_ADDR, nativeWorld } from './native.testing';

describeSocketSuite('native server (host socket layer)', () => {
  const w = nativeWorld({}, { staticArp: false });
  return { client: w.peer.api, server: w.server.api, clientAddr: PEER_ADDR, serverAddr: SERVER_ADDR, deadAddr: DEAD_ADDR, run: w.run, cut: w.cut, restore: w.restore };
});

describeSocketSuite('native client (host socket layer)', () => {
  const w = nativeWorld({}, { staticArp: false });
  return { client: w.server.api, server: w.peer.api, clientAddr: SERVER_ADDR, serverAddr: PEER_ADDR, deadAddr: DEAD_ADDR, run: w.run, cut: w.cut, restore: w.restore };
});

describeSocketSuite('stateless server (TSO, LRO, checksum offload, coalescing)', () => {
  const w = nativeWorld({
    offloads: { checksumTx: true, checksumRx: true, tso: true, lro: true, gro: true }, nic: { coalescing: { mode: 'adaptive' } },
  }, { staticArp: false });
  return { client: w.peer.api, server: w.server.api, clientAddr: PEER_ADDR, serverAddr: SERVER_ADDR, deadAddr: DEAD_ADDR, run: w.run, cut: w.cut, restore: w.restore };
});
