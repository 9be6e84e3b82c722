// A Machine made of one plain Stack on one Processor: the stack's own per-op
// costs (or none, for an ideal CPU), no NIC, no bus. It serves as the peer
// (the client side, whose costs the lab does not study) and lets tests put
// the scenario runner around any stack. Counters it cannot know stay 0.
import { ghz, Processor, type Hz, type Simulator } from '../../sim';
import type { Netif } from '../../net/link';
import { FREE_STACK_COSTS, Stack, DEFAULT_STACK_COSTS, type StackCosts } from '../../net/stack';
import type { TcpConfig } from '../../net/tcp';
import type { Ipv4Addr, MacAddr } from '../../net/wire';
import { emptyCounters, type ConfigurationName, type Machine } from '../../model/machine';

export interface StackMachineOptions {
  name: string;
  addr: Ipv4Addr;
  mac: MacAddr;
  mtu: number;
  tcp: TcpConfig;
  /** Ideal: every operation free (FREE_STACK_COSTS). */
  ideal: boolean;
  clock?: Hz;
  costs?: StackCosts;
  configuration?: ConfigurationName;
}

export function buildStackMachine(sim: Simulator, o: StackMachineOptions): Machine & { stack: Stack } {
  const cpu = new Processor(sim, { name: `${o.name}:cpu0`, clock: o.clock ?? ghz(3) });
  const stack = new Stack({
    name: o.name, sim, processor: cpu, mac: o.mac, addr: o.addr, mtu: o.mtu, tcp: o.tcp,
    costs: o.ideal ? FREE_STACK_COSTS : (o.costs ?? DEFAULT_STACK_COSTS), checksumOffload: o.ideal,
  });
  return {
    name: o.name,
    configuration: o.configuration ?? 'native',
    addr: o.addr,
    mac: o.mac,
    api: stack,
    hostCpus: [cpu],
    appCpu: cpu,
    iop: null,
    bus: null,
    port: stack,
    stack,
    attach(netif: Netif): void {
      stack.netif = netif;
    },
    counters: emptyCounters,
    tcpConnections: () => stack.connections(),
  };
}
