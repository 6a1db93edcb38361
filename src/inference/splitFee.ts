import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import type { RevenueSplit } from '../models/modelStore.ts';

export interface Payee {
  contributorAccountId: string;
  /** Validators who voted to approve the contribution, with their vote weights. */
  approvers: { accountId: string; weight: bigint }[];
}

/** 'escrow': held in the attribution escrow until the answer's influence is known (LoRA models). */
export type PayoutRole = 'developer' | 'contributor' | 'validator' | 'protocol' | 'escrow';

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
  /** Hold the data and validators parts in escrow (one 'escrow' payout) instead of paying them now. */
  escrowContributions?: boolean;
}): FeeSplit {
  const { fee, split } = input;
  const [developer, data, validators, protocol] = splitLargestRemainder(fee, [
    BigInt(split.developerBps),
    BigInt(split.dataBps),
    BigInt(split.validatorsBps),
    BigInt(split.protocolBps),
  ]);
  const payouts = new Payouts();
  payouts.pay(input.developerAccountId, 'developer', developer);
  payouts.pay(null, 'protocol', protocol);
  let perContribution: FeeSplit['perContribution'] = [];
  if (input.escrowContributions) payouts.pay(null, 'escrow', data + validators);
  else perContribution = payContributions(payouts, data, validators, input.weights, input.payees);
  return { parts: { developer, data, validators, protocol }, perContribution, payouts: payouts.list() };
}

/**
 * The data and validators parts alone, over contributions by weight (see splitFee): what an
 * escrowed neural answer pays out once its attribution is final.
 */
export function splitContributionShares(input: {
  data: bigint;
  validators: bigint;
  weights: readonly { contributionId: string; weight: bigint }[];
  payees: ReadonlyMap<string, Payee>;
}): Pick<FeeSplit, 'perContribution' | 'payouts'> {
  const payouts = new Payouts();
  const perContribution = payContributions(
    payouts,
    input.data,
    input.validators,
    input.weights,
    input.payees,
  );
  return { perContribution, payouts: payouts.list() };
}

function payContributions(
  payouts: Payouts,
  data: bigint,
  validators: bigint,
  weights: readonly { contributionId: string; weight: bigint }[],
  payees: ReadonlyMap<string, Payee>,
): FeeSplit['perContribution'] {
  const sorted = [...weights]
    .filter((w) => w.weight > 0n)
    .sort((a, b) => compareIds(a.contributionId, b.contributionId));
  const perContribution: FeeSplit['perContribution'] = [];
  if (sorted.length === 0) {
    payouts.pay(null, 'protocol', data + validators);
    return perContribution;
  }
  const w = sorted.map((x) => x.weight);
  const dataShares = splitLargestRemainder(data, w);
  const validatorShares = splitLargestRemainder(validators, w);
  sorted.forEach(({ contributionId }, i) => {
    perContribution.push({ contributionId, data: dataShares[i], validators: validatorShares[i] });
    const payee = payees.get(contributionId);
    if (!payee) throw new Error(`No payee for contribution ${contributionId}.`);
    payouts.pay(payee.contributorAccountId, 'contributor', dataShares[i]);
    const approvers = payee.approvers.filter((a) => a.weight > 0n);
    if (approvers.length === 0) {
      payouts.pay(null, 'protocol', validatorShares[i]);
      return;
    }
    const shares = splitLargestRemainder(
      validatorShares[i],
      approvers.map((a) => a.weight),
    );
    approvers.forEach((a, j) => {
      payouts.pay(a.accountId, 'validator', shares[j]);
    });
  });
  return perContribution;
}

/** Payouts summed per (account, role), listed in a stable order. */
class Payouts {
  private readonly totals = new Map<string, Payout>();

  pay(accountId: string | null, role: PayoutRole, amount: bigint): void {
    if (amount === 0n) return;
    const key = `${role}:${accountId ?? ''}`;
    const prior = this.totals.get(key);
    if (prior) prior.amount += amount;
    else this.totals.set(key, { accountId, role, amount });
  }

  list(): Payout[] {
    return [...this.totals.values()].sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        compareIds(a.accountId ?? '', b.accountId ?? ''),
    );
  }
}

const ROLE_ORDER: PayoutRole[] = ['developer', 'contributor', 'validator', 'protocol', 'escrow'];

/** Numeric ids compare as numbers ("9" before "10"). */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
