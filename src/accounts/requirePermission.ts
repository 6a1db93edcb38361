import { z } from 'zod';
import { type Config, PERMISSIONS, type Permission } from '../config.ts';
import type { Db } from '../db/openDatabase.ts';
import { forbidden } from '../errors.ts';

/**
 * The role mapping of the community an action is asked in (a Discord server's /settings):
 * permission → role ids or names. Per permission it replaces ROLE_PERMISSIONS; a permission it
 * leaves out follows ROLE_PERMISSIONS. Surfaces pass what that community's admins set, nothing else.
 */
export const roleRulesSchema = z
  .partialRecord(z.enum(PERMISSIONS), z.array(z.string().min(1).max(100)).min(1).max(100))
  .optional();
export type RoleRules = Partial<Record<Permission, string[]>>;

const WHAT: Record<Permission, string> = {
  'datanet.create': 'Creating datanets',
  'datanet.fund': 'Funding datanet reward pools',
  train: 'Starting training runs',
  'model.publish': 'Publishing models',
};

/**
 * The community's role rules (ROLE_PERMISSIONS) for one account, from the roles stored on the
 * account (account_roles), never from what a surface says about the caller: a key made in Discord
 * acts over MCP with exactly the roles its account has. A permission nobody configured is open to
 * everyone, so a new community works before it has set up roles.
 */
export async function requirePermission(
  db: Db,
  config: Pick<Config, 'rolePermissions'>,
  accountId: string,
  permission: Permission,
  communityRules?: RoleRules,
): Promise<void> {
  const allowed = communityRules?.[permission] ?? config.rolePermissions[permission];
  if (!allowed) return;
  const wanted = allowed.map((r) => r.toLowerCase());
  const [row] = await db<{ ok: boolean }[]>`
    select exists (
      select 1 from account_roles r, unnest(r.roles) as role
      where r.account_id = ${accountId} and lower(role) = any(${wanted}::text[])) as ok`;
  if (row.ok) return;
  const one = allowed.length === 1;
  throw forbidden(
    `${WHAT[permission]} is limited to ${one ? 'the role' : 'the roles'} ${allowed.join(', ')}. Ask a community admin for ${one ? 'it' : 'one of them'} (roles come from the Discord server and apply on every surface).`,
    { permission, roles: allowed },
  );
}
