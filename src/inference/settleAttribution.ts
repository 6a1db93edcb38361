import { z } from 'zod';
import { AppError } from '../errors.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { combineAttribution } from './combineAttribution.ts';
import { attributionEscrowOf, ledgerAccountIds } from './ledgerAccountIds.ts';
import { loadModelTerms } from './loadModelTerms.ts';
import { loadPayees } from './loadPayees.ts';
import { neuralWeights } from './neuralWeights.ts';
import { splitContributionShares } from './splitFee.ts';

const params = z.object({ callId: idSchema });

export interface SettleAttributionResult {
  callId: string;
  /** False when there was nothing to settle (already settled, or no such pending row). */
  settled: boolean;
}

/**
 * Finishes a neural answer whose influence missed the call's budget: computes the influence (no
 * budget now), combines it with the stored span credit and pays the escrowed data and validators
 * parts out. Exactly once: the payout and the row's 'settled' status commit together, guarded by
 * the row still being pending and by the ledger post's idempotency key, so a worker that dies
 * mid-way leaves the row pending and the retry (or another worker) does the whole thing again.
 */
export async function settleAttribution(
  deps: Deps,
  input: { callId: string; signal?: AbortSignal },
): Promise<SettleAttributionResult> {
  const { callId } = parseInput(params, { callId: input.callId });
  const [row] = await deps.sql<
    {
      model_id: string;
      data_amount: string;
      validators_amount: string;
      prompt_tokens: number[];
      answer_tokens: number[];
      span_weights: { contributionId: string; units: string }[];
    }[]
  >`
    select model_id, data_amount, validators_amount, prompt_tokens, answer_tokens, span_weights
    from attribution_settlements where call_id = ${callId} and status = 'pending'`;
  if (!row) return { callId, settled: false };
  await deps.sql`update attribution_settlements set attempts = attempts + 1 where call_id = ${callId}`;
  const neural = deps.neural;
  if (!neural) throw new AppError('UNAVAILABLE', 'This process does not serve LoRA models.');
  const terms = await loadModelTerms(deps, row.model_id);
  const artifact = await neural.artifact(terms.artifactHash);
  const scores =
    artifact.influence && neural.influence
      ? await neural.influence.score({
          artifact,
          basePath: await neural.basePath(artifact.baseModel),
          promptTokens: row.prompt_tokens,
          answerTokens: row.answer_tokens,
          signal: input.signal,
        })
      : null;
  const beta = neural.options.influenceWeight;
  const spans = row.span_weights.map((s) => ({ contributionId: s.contributionId, units: BigInt(s.units) }));
  const combined = combineAttribution({ spans, influence: scores, beta });
  const weights = neuralWeights(combined, artifact);
  const payees = await loadPayees(
    deps,
    weights.map((w) => w.contributionId),
    deps.now(),
  );
  const data = BigInt(row.data_amount);
  const validators = BigInt(row.validators_amount);
  const shares = splitContributionShares({ data, validators, weights, payees });
  const ledgerIds = await ledgerAccountIds(
    deps,
    shares.payouts.flatMap((p) => (p.accountId ? [p.accountId] : [])),
  );
  const result = {
    influence: scores ? [...scores].sort((a, b) => b.score - a.score).slice(0, 20) : null,
    influenceWeight: beta,
    fallback: combined === null,
    weights: weights.map((w) => ({ contributionId: w.contributionId, units: w.weight.toString() })),
    payouts: shares.payouts.map((p) => ({
      accountId: p.accountId,
      role: p.role,
      amount: p.amount.toString(),
    })),
  };
  const settled = await deps.sql.begin(async (tx) => {
    const [claimed] = await tx`
      update attribution_settlements set status = 'settled', result = ${tx.json(result as never)},
        settled_at = now(), error = null
      where call_id = ${callId} and status = 'pending' returning 1`;
    if (!claimed) return false;
    await postTransaction(tx, {
      kind: 'attribution_settle',
      idempotencyKey: `inference:${callId}:attribution`,
      memo: { modelId: terms.modelId, datanetId: terms.datanetId, receiptId: callId },
      legs: [
        { ledgerAccountId: attributionEscrowOf(deps), amount: -(data + validators) },
        ...shares.payouts.map((p) =>
          p.accountId === null
            ? { ledgerAccountId: deps.system.treasury, amount: p.amount, role: 'protocol' as const }
            : {
                ledgerAccountId: ledgerIds.get(p.accountId)!,
                amount: p.amount,
                role: p.role as 'contributor' | 'validator',
              },
        ),
      ],
    });
    return true;
  });
  if (settled) deps.log.info('escrowed attribution settled', { callId, payouts: result.payouts.length });
  return { callId, settled };
}
