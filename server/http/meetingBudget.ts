// One budget of new meetings per client address and window, spent by every path that makes a
// meeting: create, archive import, "Planera nästa möte" and a planned term. A facilitator key does not lift it.
import { WindowCounter, type Clock } from '../relay/limits';

export class MeetingBudget {
  private readonly spent: WindowCounter;
  constructor(
    private readonly perAddress: number,
    windowMs: number,
    now: Clock = Date.now,
  ) {
    this.spent = new WindowCounter(windowMs, now);
  }

  /** True when the address has no meeting left in this window (checked early, before a body is read). */
  exhausted(address: string): boolean {
    return this.spent.count(address) >= this.perAddress;
  }

  /**
   * Spends `n` meetings of the address's budget (one unless a term plans several at once); false,
   * with nothing spent, when fewer than `n` are left.
   */
  take(address: string, n = 1): boolean {
    if (n < 1 || this.spent.count(address) + n > this.perAddress) return false;
    for (let i = 0; i < n; i++) this.spent.add(address);
    return true;
  }
}
