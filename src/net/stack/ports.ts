// Local port bookkeeping for one transport protocol: who is bound to which
// port, EADDRINUSE per Linux's rules, and ephemeral ports drawn from a seeded
// stream over Linux's default ip_local_port_range (32768-60999).
import type { Rng } from '../../sim';

export const EPHEMERAL_LO = 32768;
export const EPHEMERAL_HI = 60999;

export interface PortUser {
  reuseAddr: boolean;
  listening: boolean;
}

export class PortTable<T extends PortUser> {
  private readonly users = new Map<number, T[]>();

  constructor(private readonly rng: Rng, readonly lo = EPHEMERAL_LO, readonly hi = EPHEMERAL_HI) {}

  /**
   * Whether `who` may bind `port`: free, or every holder and `who` set
   * SO_REUSEADDR and none of them is listening (Linux's inet_csk_bind_conflict
   * for a single local address).
   */
  canBind(port: number, who: T): boolean {
    const list = this.users.get(port);
    if (list === undefined || list.length === 0) return true;
    if (!who.reuseAddr) return false;
    return list.every((u) => u.reuseAddr && !u.listening);
  }

  add(port: number, who: T): void {
    const list = this.users.get(port);
    if (list === undefined) this.users.set(port, [who]);
    else if (list.indexOf(who) < 0) list.push(who);
  }

  remove(port: number, who: T): void {
    const list = this.users.get(port);
    if (list === undefined) return;
    const i = list.indexOf(who);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.users.delete(port);
  }

  inUse(port: number): boolean {
    return (this.users.get(port)?.length ?? 0) > 0;
  }

  /** A free ephemeral port (random start, then linear probe), or 0 when all are taken. */
  ephemeral(): number {
    const span = this.hi - this.lo + 1;
    const start = this.rng.int(0, span);
    for (let i = 0; i < span; i++) {
      const p = this.lo + ((start + i) % span);
      if (!this.inUse(p)) return p;
    }
    return 0;
  }
}
