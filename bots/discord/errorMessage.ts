import { randomBytes } from 'node:crypto';
import { type ErrorCode, toAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';

// The core's messages already say what was wrong; these add where to go next in Discord terms.
const HINTS: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'Check the options and send the command again.',
  INSUFFICIENT_FUNDS: 'Your balance is in /rewards; run the command again once it covers this.',
  UNAUTHENTICATED: 'Run the command again; if it keeps failing, ask an admin.',
  RATE_LIMITED: 'Wait a moment, then try again.',
  UNAVAILABLE: 'Try again in a minute; if it keeps happening, tell an admin.',
  CHAIN_ERROR: 'Nothing was charged; try again in a minute.',
};
const NOT_FOUND_HINTS: Record<string, string> = {
  Datanet: '/datanet list shows the datanets.',
  Contribution: '/review shows what is waiting for you.',
  Model: '/model list shows the published models.',
  Run: '/run status shows your training runs.',
  'Training run': '/run status shows your training runs.',
};

/**
 * The one place a failure becomes words for a Discord user: an AppError's own message (it says
 * what was wrong and what to do) plus a hint; anything else is a bug, logged with a reference the
 * user can quote.
 */
export function errorMessage(failure: unknown, log: Logger, where: string): string {
  const error = toAppError(failure);
  if (error) {
    const what = String(error.details.what ?? '');
    const hint = error.code === 'NOT_FOUND' ? NOT_FOUND_HINTS[what] : HINTS[error.code];
    // Skip a hint that repeats advice the message already gives.
    const extra = hint && !error.message.includes(hint.split(' ')[0]) ? `\n-# ${hint}` : '';
    log.info('discord request refused', { where, code: error.code });
    return `❌ ${error.message}${extra}`;
  }
  const ref = randomBytes(4).toString('hex');
  log.error('discord handler failed', {
    where,
    ref,
    error: failure instanceof Error ? failure : String(failure),
  });
  return `❌ Something went wrong on our side (ref ${ref}). Try again; if it keeps happening, tell an admin that ref.`;
}
