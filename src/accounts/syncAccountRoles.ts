import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  accountId: idSchema,
  /** Where the roles were read, e.g. `discord:<guild id>:<user id>`; each source is replaced whole. */
  source: z.string().min(1).max(200),
  /** Role ids and names as the community shows them (matched without case). */
  roles: z.array(z.string().min(1).max(100)).max(500),
});

/**
 * Records the roles a community currently grants an account, replacing what that source said
 * before: a role granted there is granted here, one removed there is removed here.
 */
export async function syncAccountRoles(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ changed: boolean }> {
  const p = parseInput(params, input);
  const roles = [...new Set(p.roles)].sort();
  // Unchanged roles write nothing, so syncing on every interaction costs one indexed read.
  const rows = await deps.sql`
    insert into account_roles (account_id, source, roles) values (${p.accountId}, ${p.source}, ${roles}::text[])
    on conflict (account_id, source) do update set roles = excluded.roles, updated_at = now()
      where account_roles.roles is distinct from excluded.roles
    returning 1`;
  return { changed: rows.length > 0 };
}
