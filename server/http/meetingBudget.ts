// One budget of new meetings per client address and window, spent by every path that makes a
// meeting: create, archive import and "Planera nästa möte". A facilitator key does not lift it.
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

  /** Spends one meeting of the address's budget; false (nothing spent) when none is left. */
  take(address: string): boolean {
    if (this.exhausted(address)) return false;
    this.spent.add(address);
    return true;
  }
}
