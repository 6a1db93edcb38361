import { Locale } from 'discord.js';
import type { FakeGateway } from './fakeGateway.ts';
import type { FakeState } from './fakeState.ts';
import { interactionRoutes } from './interactionRoutes.ts';
import { messageRoutes } from './messageRoutes.ts';
import { memberPayload, snowflake, userPayload } from './payloads.ts';

export interface RestResult {
  status: number;
  body?: unknown;
}
export type Route = [
  method: string,
  pattern: RegExp,
  handler: (m: string[], body: Record<string, unknown>, query: URLSearchParams) => RestResult,
];

/** Discord's error body: a numeric code the library turns into DiscordAPIError. */
export const apiError = (status: number, code: number, message: string): RestResult => ({
  status,
  body: { message, code },
});

/** The REST half of the fake: the /api/v10 routes a bot uses, acting on the shared state. */
export function createRestRouter(s: FakeState, gateway: FakeGateway, baseUrl: () => string) {
  const bot = (auth: string | undefined) => auth === `Bot ${s.token}`;

  const routes: Route[] = [
    [
      'GET',
      /^\/gateway\/bot$/,
      () => ({
        status: 200,
        body: {
          url: baseUrl().replace(/^http/, 'ws'),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      }),
    ],
    ['GET', /^\/users\/@me$/, () => ({ status: 200, body: userPayload(s.botUser) })],
    [
      'GET',
      /^\/applications\/@me$/,
      () => ({
        status: 200,
        body: {
          id: s.applicationId,
          name: 'Potluck',
          bot: userPayload(s.botUser),
          flags: 0,
          verify_key: 'fake',
        },
      }),
    ],
    [
      'GET',
      /^\/users\/(\d+)$/,
      ([, id]) => {
        const u = s.users.get(id);
        return u ? { status: 200, body: userPayload(u) } : apiError(404, 10013, 'Unknown User');
      },
    ],
    [
      'GET',
      /^\/guilds\/(\d+)\/members\/(\d+)$/,
      ([, , id]) => {
        const u = s.users.get(id);
        if (!u || !s.memberRoles.has(id)) return apiError(404, 10007, 'Unknown Member');
        return { status: 200, body: memberPayload(u, s.memberRoles.get(id) ?? [], s.joinedAt) };
      },
    ],
    ['PUT', /^\/applications\/(\d+)\/commands$/, ([, app], body) => registerCommands(app, null, body)],
    [
      'PUT',
      /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
      ([, app, g], body) => registerCommands(app, g, body),
    ],
    ['GET', /^\/applications\/(\d+)\/commands$/, () => ({ status: 200, body: s.commands.global })],
    [
      'GET',
      /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
      ([, , g]) => ({
        status: 200,
        body: s.commands.guild.get(g) ?? [],
      }),
    ],
    ...messageRoutes(s, gateway),
    ...interactionRoutes(s),
  ];

  function registerCommands(app: string, guildId: string | null, body: unknown): RestResult {
    if (app !== s.applicationId) return apiError(403, 50001, 'Missing Access');
    if (!Array.isArray(body)) return apiError(400, 50035, 'Invalid Form Body');
    // Discord refuses a localisation for a locale it does not have (Persian among them).
    if (body.some(hasUnknownLocale)) return apiError(400, 50035, 'Invalid Form Body');
    const stored = body.map((c: Record<string, unknown>) => ({
      ...c,
      id: snowflake(),
      application_id: app,
      ...(guildId ? { guild_id: guildId } : {}),
      version: snowflake(),
      type: c.type ?? 1,
    }));
    if (guildId) s.commands.guild.set(guildId, stored);
    else s.commands.global = stored;
    return { status: 200, body: stored };
  }

  return {
    route(
      method: string,
      path: string,
      query: URLSearchParams,
      body: Record<string, unknown>,
      auth: string | undefined,
    ): RestResult {
      for (const [m, pattern, handler] of routes) {
        if (m !== method) continue;
        const match = pattern.exec(path);
        if (!match) continue;
        const open = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
        // Interaction callbacks and webhooks authenticate by the token in the URL, not the header.
        if (!open && !bot(auth)) return apiError(401, 0, '401: Unauthorized');
        return handler([...match], body, query);
      }
      return apiError(404, 0, '404: Not Found');
    },
  };
}

const DISCORD_LOCALES = new Set<string>(Object.values(Locale));

/** Any `*_localizations` key, in a command, option or choice, that is not a Discord locale. */
function hasUnknownLocale(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasUnknownLocale);
  if (!node || typeof node !== 'object') return false;
  return Object.entries(node).some(([key, value]) =>
    key.endsWith('_localizations') && value && typeof value === 'object'
      ? Object.keys(value).some((locale) => !DISCORD_LOCALES.has(locale))
      : hasUnknownLocale(value),
  );
}
