import { randomBytes } from 'node:crypto';
import { type ErrorCode, toAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { errorTitle } from '../i18n/errorTitle.ts';
import type { Translator } from '../i18n/translator.ts';

// The core's messages already say what was wrong; these add where to go next in Discord terms.
const HINTS: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'dc-hint-bad-input',
  INSUFFICIENT_FUNDS: 'dc-hint-insufficient-funds',
  UNAUTHENTICATED: 'dc-hint-unauthenticated',
  RATE_LIMITED: 'dc-hint-rate-limited',
  UNAVAILABLE: 'dc-hint-unavailable',
  CHAIN_ERROR: 'dc-hint-chain-error',
};
const NOT_FOUND_HINTS: Record<string, string> = {
  Datanet: 'dc-hint-datanet',
  Contribution: 'dc-hint-contribution',
  Model: 'dc-hint-model',
  Run: 'dc-hint-run',
  'Training run': 'dc-hint-run',
};

/**
 * The one place a failure becomes words for a Discord user: an AppError's own message (it says
 * what was wrong and what to do) plus a hint; anything else is a bug, logged with a reference the
 * user can quote. The core's messages are English: other languages get a title of their own first.
 */
export function errorMessage(failure: unknown, log: Logger, where: string, tr: Translator): string {
  const error = toAppError(failure);
  if (error) {
    const what = String(error.details.what ?? '');
    const hintId = error.code === 'NOT_FOUND' ? NOT_FOUND_HINTS[what] : HINTS[error.code];
    const hint = hintId ? tr.t(hintId) : undefined;
    // Skip a hint that repeats advice the message already gives.
    const extra = hint && !error.message.includes(hint.split(' ')[0]) ? `\n-# ${hint}` : '';
    log.info('discord request refused', { where, code: error.code });
    const title = tr.language === 'en' ? '' : `**${tr.t(errorTitle(error.code))}**\n`;
    return `❌ ${title}${mentionRoles(error.message, error.details.roles)}${extra}`;
  }
  const ref = randomBytes(4).toString('hex');
  log.error('discord handler failed', {
    where,
    ref,
    error: failure instanceof Error ? failure : String(failure),
  });
  return `❌ ${tr.t('error-internal-ref', { ref })}`;
}

/** Role ids a refusal names (a server's /settings stores ids) shown as role mentions; names stay. */
function mentionRoles(message: string, roles: unknown): string {
  if (!Array.isArray(roles)) return message;
  let out = message;
  for (const role of roles) {
    if (typeof role === 'string' && /^\d{15,25}$/.test(role)) out = out.replaceAll(role, `<@&${role}>`);
  }
  return out;
}
