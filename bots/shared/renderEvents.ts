import type { AccountEvent } from '../../src/notifications/listAccountEvents.ts';
import type { Translator } from '../i18n/translator.ts';

/** More than this in one batch: the rest are counted, not listed (a message stays readable). */
const MAX_LINES = 15;

/** One batched activity message as plain lines (title, one line per event, footer); each bot escapes them. */
export function renderEvents(
  events: AccountEvent[],
  tr: Translator,
): { title: string; lines: string[]; footer: string } {
  const lines = events.slice(0, MAX_LINES).map((e) => eventLine(e, tr));
  if (events.length > MAX_LINES) lines.push(tr.t('events-more', { count: events.length - MAX_LINES }));
  return { title: tr.t('events-title'), lines, footer: tr.t('events-footer') };
}

const CONTRIBUTION_IDS = {
  approved: 'event-contribution-approved',
  rejected: 'event-contribution-rejected',
  expired: 'event-contribution-expired',
} as const;

function eventLine(e: AccountEvent, tr: Translator): string {
  switch (e.kind) {
    case 'contribution':
      return tr.t(CONTRIBUTION_IDS[e.status], { id: e.contributionId, datanet: e.datanetName });
    case 'trainingRun':
      return tr.t(e.status === 'succeeded' ? 'event-run-succeeded' : 'event-run-failed', {
        id: e.runId,
        datanet: e.datanetName,
      });
    case 'claimable':
      return tr.t('event-claimable', { amount: tr.amount(e.amount), epoch: String(e.epoch) });
  }
}
