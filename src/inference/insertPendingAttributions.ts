import type { Db } from '../db/openDatabase.ts';
import type { Settlement } from './settleInference.ts';

/**
 * The attribution rows of settlements whose data share went to escrow, written in the settling
 * transaction: escrowed money and the row that will pay it out exist together or not at all.
 */
export async function insertPendingAttributions(tx: Db, settled: readonly Settlement[]): Promise<void> {
  const pending = settled.flatMap((s) =>
    s.pendingAttribution
      ? [
          {
            call_id: s.callId,
            model_id: s.modelId,
            data_amount: s.pendingAttribution.data.toString(),
            validators_amount: s.pendingAttribution.validators.toString(),
            prompt_tokens: s.pendingAttribution.promptTokens,
            answer_tokens: s.pendingAttribution.answerTokens,
            span_weights: s.pendingAttribution.spanWeights,
          },
        ]
      : [],
  );
  if (pending.length === 0) return;
  await tx`
    insert into attribution_settlements (call_id, model_id, data_amount, validators_amount,
      prompt_tokens, answer_tokens, span_weights)
    select v.call_id, v.model_id, v.data_amount::numeric, v.validators_amount::numeric,
      array(select jsonb_array_elements_text(v.prompt_tokens)::int),
      array(select jsonb_array_elements_text(v.answer_tokens)::int), v.span_weights
    from jsonb_to_recordset(${tx.json(pending as never)}) as v(call_id bigint, model_id bigint,
      data_amount text, validators_amount text, prompt_tokens jsonb, answer_tokens jsonb, span_weights jsonb)
    on conflict (call_id) do nothing`;
}
