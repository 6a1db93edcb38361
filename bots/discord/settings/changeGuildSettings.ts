import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Permission } from '../../../src/config.ts';
import type { Sql } from '../../../src/db/openDatabase.ts';
import { badInput, forbidden } from '../../../src/errors.ts';
import type { Translator } from '../../i18n/translator.ts';
import { changeRolePermission, resetRolePermission, setReviewChannel } from '../store/guildSettingsStore.ts';

export type SettingsChange =
  | { kind: 'review'; datanetId: string; channelId: string | null }
  | { kind: 'allow' | 'disallow'; permission: Permission; roleId: string }
  | { kind: 'reset'; permission: Permission };

export interface SettingsActor {
  guildId: string;
  /** The member's permissions in the server as Discord computed them for this interaction. */
  permissions: Readonly<PermissionsBitField> | null;
}

/**
 * Changes one server setting for a server admin (Manage Server). The command's
 * default_member_permissions only hides it in the client, and a server can hand it to any role
 * under Integrations, so the rule is checked here, where the change is made.
 */
export async function changeGuildSettings(
  sql: Sql,
  actor: SettingsActor,
  change: SettingsChange,
  tr: Translator,
): Promise<{ roles?: string[] }> {
  if (!actor.permissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw forbidden(tr.t('dc-settings-admin-only'), { setting: change.kind });
  }
  const guildId = actor.guildId;
  if (change.kind === 'review') {
    await setReviewChannel(sql, { guildId, datanetId: change.datanetId, channelId: change.channelId });
    return {};
  }
  if (change.kind === 'reset') {
    await resetRolePermission(sql, { guildId, permission: change.permission });
    return {};
  }
  // @everyone is never among a member's synced roles (context.ts), so it could hold nothing.
  if (change.roleId === guildId) throw badInput(tr.t('dc-settings-everyone-role'), { field: 'role' });
  const roles = await changeRolePermission(sql, {
    guildId,
    permission: change.permission,
    roleId: change.roleId,
    grant: change.kind === 'allow',
  });
  return { roles };
}
