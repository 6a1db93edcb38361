import type { Permission } from '../../../src/config.ts';
import { datanetsTable } from '../../../src/datanets/datanetStore.ts';
import type { Sql } from '../../../src/db/openDatabase.ts';

/**
 * A Discord server's own settings (/settings): review channels per datanet and the roles that
 * hold reserved permissions. The bot's tables (migration 0021); Potluck's rules stay in the use
 * cases, which take the role mapping the bot reads here.
 */
export interface GuildSettings {
  reviewChannels: { datanetId: string; datanetName: string; channelId: string }[];
  rolePermissions: Partial<Record<Permission, string[]>>;
}

export async function readGuildSettings(sql: Sql, guildId: string): Promise<GuildSettings> {
  const channels = await sql<{ datanet_id: string; name: string; channel_id: string }[]>`
    select r.datanet_id, d.name, r.channel_id from discord_review_channels r
    join ${datanetsTable(sql)} d on d.id = r.datanet_id
    where r.guild_id = ${guildId} order by d.name`;
  return {
    reviewChannels: channels.map((r) => ({
      datanetId: r.datanet_id,
      datanetName: r.name,
      channelId: r.channel_id,
    })),
    rolePermissions: await guildRolePermissions(sql, guildId),
  };
}

/** The server's role mapping: permission → role ids. A permission absent here follows ROLE_PERMISSIONS. */
export async function guildRolePermissions(
  sql: Sql,
  guildId: string,
): Promise<Partial<Record<Permission, string[]>>> {
  const rows = await sql<{ permission: Permission; role_ids: string[] }[]>`
    select permission, role_ids from discord_role_permissions where guild_id = ${guildId}`;
  return Object.fromEntries(rows.map((r) => [r.permission, r.role_ids]));
}

export async function setReviewChannel(
  sql: Sql,
  s: { guildId: string; datanetId: string; channelId: string | null },
): Promise<void> {
  if (s.channelId === null) {
    await sql`delete from discord_review_channels where guild_id = ${s.guildId} and datanet_id = ${s.datanetId}`;
    return;
  }
  await sql`
    insert into discord_review_channels (guild_id, datanet_id, channel_id)
    values (${s.guildId}, ${s.datanetId}, ${s.channelId})
    on conflict (guild_id, datanet_id) do update set channel_id = excluded.channel_id, updated_at = now()`;
}

/** Datanet id → channel id, for every datanet some server mapped (the latest mapping wins). */
export async function reviewChannelMap(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql<{ datanet_id: string; channel_id: string }[]>`
    select distinct on (datanet_id) datanet_id, channel_id from discord_review_channels
    order by datanet_id, updated_at desc, guild_id`;
  return new Map(rows.map((r) => [r.datanet_id, r.channel_id]));
}

/** Adds or removes one role for a permission; the last role removed hands it back to ROLE_PERMISSIONS. */
export async function changeRolePermission(
  sql: Sql,
  c: { guildId: string; permission: Permission; roleId: string; grant: boolean },
): Promise<string[]> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ role_ids: string[] }[]>`
      select role_ids from discord_role_permissions
      where guild_id = ${c.guildId} and permission = ${c.permission} for update`;
    const current = new Set(row?.role_ids ?? []);
    if (c.grant) current.add(c.roleId);
    else current.delete(c.roleId);
    const roles = [...current].sort();
    if (roles.length === 0) {
      await tx`delete from discord_role_permissions where guild_id = ${c.guildId} and permission = ${c.permission}`;
    } else {
      await tx`
        insert into discord_role_permissions (guild_id, permission, role_ids)
        values (${c.guildId}, ${c.permission}, ${roles}::text[])
        on conflict (guild_id, permission) do update set role_ids = excluded.role_ids, updated_at = now()`;
    }
    return roles;
  });
}

/** Hands a permission back to ROLE_PERMISSIONS for this server. */
export async function resetRolePermission(
  sql: Sql,
  r: { guildId: string; permission: Permission },
): Promise<void> {
  await sql`delete from discord_role_permissions where guild_id = ${r.guildId} and permission = ${r.permission}`;
}
