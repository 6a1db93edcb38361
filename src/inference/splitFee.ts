import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import type { RevenueSplit } from '../models/modelView.ts';

export interface Payee {
  contributorAccountId: string;
  /** Validators who voted to approve the contribution, with their vote weights. */
  approvers: { accountId: string; weight: bigint }[];
}

export type PayoutRole = 'developer' | 'contributor' | 'validator' | 'protocol';

export interface Payout {
  /** null: the protocol treasury. */
  accountId: string | null;
  role: PayoutRole;
  amount: bigint;
}

export interface FeeSplit {
  parts: { developer: bigint; data: bigint; validators: bigint; protocol: bigint };
  /** What each weighted contribution brought its contributor and its approvers. */
  perContribution: { contributionId: string; data: bigint; validators: bigint }[];
  /** One per (account, role), amounts > 0, in a stable order; they sum to the fee. */
  payouts: Payout[];
}

/**
 * Splits a fee exactly, with largest-remainder rounding at every step:
 * fee → developer / data / validators / protocol by basis points; the data part over contributions
 * by weight, each contribution's share to its contributor; the validators part over the same
 * weights, each contribution's share over its approvers by vote weight. A share with nobody to
 * receive it (a contribution without approvers, or no weighted contribution at all) goes to the
 * protocol treasury, so nothing is ever lost or invented.
 */
export function splitFee(input: {
  fee: bigint;
  split: RevenueSplit;
  developerAccountId: string;
  weights: readonly { contributionId: string; weight: bigint }[];
  payees: ReadonlyMap<string, Payee>;
}): FeeSplit {
  const { fee, split } = input;
  const [developer, data, validators, protocol] = splitLargestRemainder(fee, [
    BigInt(split.developerBps),
    BigInt(split.dataBps),
    BigInt(split.validatorsBps),
    BigInt(split.protocolBps),
  ]);
  const totals = new Map<string, Payout>();
  const pay = (accountId: string | null, role: PayoutRole, amount: bigint) => {
    if (amount === 0n) return;
    const key = `${role}:${accountId ?? ''}`;
    const prior = totals.get(key);
    if (prior) prior.amount += amount;
    else totals.set(key, { accountId, role, amount });
  };
  pay(input.developerAccountId, 'developer', developer);
  pay(null, 'protocol', protocol);

  const weights = [...input.weights]
    .filter((w) => w.weight > 0n)
    .sort((a, b) => compareIds(a.contributionId, b.contributionId));
  const perContribution: FeeSplit['perContribution'] = [];
  if (weights.length === 0) {
    pay(null, 'protocol', data + validators);
  } else {
    const w = weights.map((x) => x.weight);
    const dataShares = splitLargestRemainder(data, w);
    const validatorShares = splitLargestRemainder(validators, w);
    weights.forEach(({ contributionId }, i) => {
      perContribution.push({ contributionId, data: dataShares[i], validators: validatorShares[i] });
      const payee = input.payees.get(contributionId);
      if (!payee) throw new Error(`No payee for contribution ${contributionId}.`);
      pay(payee.contributorAccountId, 'contributor', dataShares[i]);
      const approvers = payee.approvers.filter((a) => a.weight > 0n);
      if (approvers.length === 0) {
        pay(null, 'protocol', validatorShares[i]);
        return;
      }
      const shares = splitLargestRemainder(
        validatorShares[i],
        approvers.map((a) => a.weight),
      );
      approvers.forEach((a, j) => {
        pay(a.accountId, 'validator', shares[j]);
      });
    });
  }
  const order: PayoutRole[] = ['developer', 'contributor', 'validator', 'protocol'];
  const payouts = [...totals.values()].sort(
    (a, b) =>
      order.indexOf(a.role) - order.indexOf(b.role) || compareIds(a.accountId ?? '', b.accountId ?? ''),
  );
  return { parts: { developer, data, validators, protocol }, perContribution, payouts };
}

/** Numeric ids compare as numbers ("9" before "10"). */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
