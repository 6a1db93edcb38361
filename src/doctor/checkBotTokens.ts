import type { DoctorCheck } from './doctorCheck.ts';

export function checkToken(
  bot: 'discord' | 'telegram',
  token: string | undefined,
  problem: (t: string) => string | null,
): DoctorCheck {
  const variable = `${bot.toUpperCase()}_TOKEN`;
  if (!token) return { name: bot, ready: true, detail: `not configured (set ${variable} to run the bot)` };
  const wrong = problem(token);
  return wrong
    ? {
        name: bot,
        ready: false,
        detail: `${variable} (${token.length} characters, not shown) ${wrong}`,
        fix:
          bot === 'discord'
            ? 'copy the token again from the Developer Portal (Bot → Reset Token)'
            : 'copy the token again from @BotFather (/token)',
      }
    : {
        name: bot,
        ready: true,
        detail: `${variable} looks like a bot token (${token.length} characters, not shown)`,
      };
}

/** Three base64url parts, the first the bot's numeric id: how Discord bot tokens are made. */
export function discordTokenProblem(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[\w-]+$/.test(p)))
    return 'is not three dot-separated parts';
  const id = Buffer.from(parts[0], 'base64url').toString('utf8');
  return /^\d{15,25}$/.test(id) ? null : "does not start with the bot's id in base64";
}

export function telegramTokenProblem(token: string): string | null {
  return /^\d{1,20}:[\w-]{20,100}$/.test(token)
    ? null
    : 'is not <bot id>:<secret> (digits, a colon, 20+ letters)';
}
