import { z } from 'zod';
import { amountOut, dateOut } from './wireSchemas.ts';

/** Wire shapes of rewards, claims, wallets and on-chain proofs (hex strings stay as they are). */
const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
const blockNumber = z.string().nullable().describe('decimal string');

export const rewardsOut = {
  accountId: z.string(),
  wallet: z.string().nullable().describe('the linked wallet rewards are committed to'),
  available: amountOut.describe('spendable here'),
  earnedByRole: z.record(z.string(), amountOut).describe('contributor, validator, developer'),
  earned: amountOut,
  committed: amountOut.describe('moved into an epoch root: claimable on chain, no longer spendable here'),
  claimed: amountOut,
  claimable: amountOut.describe('committed and not yet claimed'),
  uncommitted: amountOut.describe('earned, goes into the next epoch if a wallet is linked'),
  lastEpoch: z.object({ epoch: z.number().int(), settledAt: dateOut }).nullable(),
  history: z.array(
    z.object({
      txId: z.string(),
      kind: z.string(),
      amount: amountOut,
      role: z.string().nullable(),
      at: dateOut,
    }),
  ),
};

export const claimOut = {
  accountId: z.string(),
  wallet: hex,
  epoch: z.number().int().describe("the vault's latest epoch; 0 before the first root"),
  cumulativeAmount: amountOut,
  alreadyClaimed: amountOut,
  amount: amountOut.describe('what a claim pays now'),
  proof: z.array(hex),
  vault: hex,
  chainId: z.number().int(),
};

const batch = z.object({
  id: z.string(),
  ref: hex,
  root: hex,
  count: z.number().int(),
  txHash: hex.nullable(),
  blockNumber,
  confirmed: z.boolean().optional(),
});
const contributionLeaf = z.object({
  contributionId: hex,
  contributorRef: hex,
  contentHash: hex,
  datanetId: hex,
});

export const contributionProofOut = z.discriminatedUnion('state', [
  z.object({ contributionId: z.string(), state: z.literal('queued').describe('waiting for the next batch') }),
  z.object({
    contributionId: z.string(),
    state: z.enum(['batched', 'anchored']),
    batch,
    leaf: contributionLeaf,
    proof: z.array(hex),
    registry: hex.nullable(),
    chainId: z.number().int().nullable(),
    verified: z.boolean().nullable().describe("the registry's own verifyContribution answer"),
  }),
]);

export const validationProofOut = z.discriminatedUnion('state', [
  z.object({ contributionId: z.string(), state: z.enum(['undecided', 'queued']) }),
  z.object({
    contributionId: z.string(),
    state: z.enum(['batched', 'anchored']),
    batch,
    leaf: z.object({ contributionId: hex, datanetId: hex, approved: z.boolean() }),
    proof: z.array(hex),
    verified: z.boolean().nullable(),
  }),
]);

export const snapshotProofOut = {
  modelId: z.string(),
  modelRef: hex,
  snapshotRoot: hex,
  onChainSnapshotRoot: hex.nullable(),
  registration: z.object({ status: z.string(), txHash: hex.nullable(), blockNumber }).nullable(),
  contributionIds: z.array(z.string()),
  inclusion: z
    .object({
      contributionId: z.string(),
      leaf: contributionLeaf,
      proof: z.array(hex),
      verified: z.boolean().nullable(),
    })
    .optional(),
};
