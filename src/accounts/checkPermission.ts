import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../config.ts';
import { forbidden } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  permission: z.enum(PERMISSIONS),
  /** The caller's roles in the community they act from (Discord: role ids and names). */
  roles: z.array(z.string().max(100)).max(250).default([]),
});

const WHAT: Record<Permission, string> = {
  'datanet.create': 'Creating datanets',
  'datanet.fund': 'Funding datanet reward pools',
  train: 'Starting training runs',
  'model.publish': 'Publishing models',
};

/**
 * The community's role rules (ROLE_PERMISSIONS): surfaces call this before a reserved action,
 * passing the roles they know. A permission nobody configured is open to everyone, so a new
 * community works before it has set up roles.
 */
export async function checkPermission(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ permission: Permission; allowed: true }> {
  const p = parseInput(params, input);
  const allowed = deps.config.rolePermissions[p.permission];
  if (!allowed) return { permission: p.permission, allowed: true };
  const held = new Set(p.roles.map((r) => r.toLowerCase()));
  if (allowed.some((r) => held.has(r.toLowerCase()))) return { permission: p.permission, allowed: true };
  throw forbidden(
    `${WHAT[p.permission]} is limited to ${allowed.length === 1 ? 'the role' : 'the roles'} ${allowed.join(', ')}. Ask a server admin for ${allowed.length === 1 ? 'it' : 'one of them'}.`,
    { permission: p.permission, roles: allowed },
  );
}
