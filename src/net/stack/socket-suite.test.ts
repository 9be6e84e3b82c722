// The reusable socket suite run against the host stack: two Stacks over a link.
import { describeSocketSuite } from './testing/socket-suite';
import { ADDR_A, ADDR_B, twoHosts } from './testing/world';

describeSocketSuite('Stack', () => {
  const w = twoHosts({ seed: 5 });
  return {
    client: w.a, server: w.b, clientAddr: ADDR_A, serverAddr: ADDR_B, deadAddr: 0x0a000063,
    run: (ns) => w.runFor(ns), cut: w.cut, restore: w.restore,
  };
});
