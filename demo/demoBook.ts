/** Why tokens moved, as the demo saw it happen. */
export type Reason =
  | 'dev faucet'
  | 'deposit'
  | 'deposit back'
  | 'forfeited deposit'
  | 'forfeited stake'
  | 'stake'
  | 'pool funding'
  | 'validation reward'
  | 'fee'
  | 'developer share'
  | 'data share'
  | 'validator share'
  | 'protocol share'
  | 'to wallet'
  | 'claimed on chain';

export type EarningRole = 'contributor' | 'validator' | 'developer';

/** Which earnings count for which role, as the ledger tags them. */
export const ROLE_OF: Partial<Record<Reason, EarningRole>> = {
  'data share': 'contributor',
  'validation reward': 'validator',
  'validator share': 'validator',
  'developer share': 'developer',
};

export interface Line {
  amount: bigint;
  count: number;
}

/**
 * The demo's own double-entry book, kept from what each use case returned (deposits, outcomes,
 * receipts, epoch results), never from the ledger tables. Comparing it with the ledger at the end is
 * what makes "every balance adds up" a check rather than a copy. Keys are account ids for people,
 * `system:<name>` for system accounts and `pool:<datanetId>` for reward pools.
 */
export class DemoBook {
  private readonly lines = new Map<string, Map<Reason, Line>>();

  /** `why` names the movement on the receiving side; `whyFrom` on the paying side (default: the same). */
  move(from: string, to: string, amount: bigint, why: Reason, whyFrom: Reason = why): void {
    if (amount < 0n) throw new RangeError(`negative movement ${amount} for ${why}`);
    if (amount === 0n) return;
    this.post(from, whyFrom, -amount);
    this.post(to, why, amount);
  }

  balance(key: string): bigint {
    let sum = 0n;
    for (const line of this.lines.get(key)?.values() ?? []) sum += line.amount;
    return sum;
  }

  line(key: string, reason: Reason): Line {
    return this.lines.get(key)?.get(reason) ?? { amount: 0n, count: 0 };
  }

  reasons(key: string): Map<Reason, Line> {
    return new Map(this.lines.get(key) ?? []);
  }

  earnedByRole(key: string): Record<EarningRole, bigint> {
    const earned: Record<EarningRole, bigint> = { contributor: 0n, validator: 0n, developer: 0n };
    for (const [reason, line] of this.lines.get(key) ?? []) {
      const role = ROLE_OF[reason];
      if (role && line.amount > 0n) earned[role] += line.amount;
    }
    return earned;
  }

  keys(): string[] {
    return [...this.lines.keys()];
  }

  private post(key: string, reason: Reason, amount: bigint): void {
    const lines = this.lines.get(key) ?? new Map<Reason, Line>();
    this.lines.set(key, lines);
    const line = lines.get(reason) ?? { amount: 0n, count: 0 };
    lines.set(reason, { amount: line.amount + amount, count: line.count + 1 });
  }
}
