import type { Deps } from '../shared/deps.ts';

/** Calls whose escrowed data share still waits for its attribution job (boot recovery re-queues them). */
export async function listPendingAttributions(deps: Deps, input: { limit?: number } = {}): Promise<string[]> {
  const rows = await deps.sql<{ call_id: string }[]>`
    select call_id from attribution_settlements where status = 'pending' order by call_id limit ${input.limit ?? 10_000}`;
  return rows.map((r) => r.call_id);
}
