import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../config.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { requirePermission, roleRulesSchema } from './requirePermission.ts';

const params = z.object({
  accountId: idSchema,
  permission: z.enum(PERMISSIONS),
  roleRules: roleRulesSchema,
});

/**
 * Whether an account may do a reserved action, for a surface that wants to ask before collecting
 * input. The use cases check again themselves, so skipping this never lets anything through.
 */
export async function checkPermission(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ permission: Permission; allowed: true }> {
  const p = parseInput(params, input);
  await requirePermission(deps.sql, deps.config, p.accountId, p.permission, p.roleRules);
  return { permission: p.permission, allowed: true };
}
