// The socket-level suite (src/net/stack/testing) against the OSM's user
// interface: the same tests the native stack passes, with the offload machine
// as the server and as the client.
import { describeSocketSuite } from '../../net/stack/testing/socket-suite';
import { DEAD_ADDR, PEER_ADDR, SERVER_ADDR, offloadWorld } from './testing/world';

describeSocketSuite('offload server (OSM user interface)', () => {
  const w = offloadWorld({ staticArp: false });
  return {
    client: w.peer, server: w.server.api, clientAddr: PEER_ADDR, serverAddr: SERVER_ADDR, deadAddr: DEAD_ADDR, run: w.run, cut: w.cut,
    restore: w.restore, serverControlCallsSleep: true,
  };
});

describeSocketSuite('offload client (OSM user interface)', () => {
  const w = offloadWorld({ staticArp: false });
  return { client: w.server.api, server: w.peer, clientAddr: SERVER_ADDR, serverAddr: PEER_ADDR, deadAddr: DEAD_ADDR, run: w.run, cut: w.cut, restore: w.restore };
});
