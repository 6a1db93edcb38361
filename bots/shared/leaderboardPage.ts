import type { App } from '../../src/app.ts';
import type { Translator } from '../i18n/translator.ts';

/** The boards both bots offer, with the one-letter code their buttons carry. */
export const BOARDS = ['earnings', 'approved', 'validators'] as const;
export type Board = (typeof BOARDS)[number];
export const BOARD_CODE: Record<Board, string> = { earnings: 'e', approved: 'a', validators: 'v' };
export const boardOfCode = (code: string): Board | undefined => BOARDS.find((b) => BOARD_CODE[b] === code);

export const PAGE_SIZE = 10;

export interface LeaderboardPage {
  title: string;
  /** One plain-text line per person; each bot adds its own markup around the page. */
  lines: { text: string; mine: boolean }[];
  empty: string;
  page: number;
  hasMore: boolean;
  datanetId: string;
}

const pct = (tr: Translator, bps: number | null) =>
  bps === null ? '—' : tr.figure(`${Math.floor(bps / 100)}%`);

/**
 * One page of a datanet's board, in the reader's language: the contributor boards from
 * getContributorLeaderboard, the validators' from getValidatorLeaderboard (decided votes only).
 */
export async function leaderboardPage(
  app: App,
  tr: Translator,
  input: { board: Board; datanetId: string; page: number; viewerAccountId?: string },
): Promise<LeaderboardPage> {
  const name = (id: string, displayName: string) => displayName || tr.t('lb-unnamed', { id });
  if (input.board === 'validators') {
    const [datanet, board] = await Promise.all([
      app.datanets.get({ datanet: input.datanetId }),
      app.validation.leaderboard({
        datanetId: input.datanetId,
        limit: PAGE_SIZE,
        offset: input.page * PAGE_SIZE,
      }),
    ]);
    return {
      title: tr.t('lb-title-validators', { datanet: datanet.name }),
      lines: board.validators.map((v) => ({
        mine: v.accountId === input.viewerAccountId,
        text: tr.t('lb-line-validator', {
          rank: tr.number(v.rank),
          name: name(v.accountId, v.displayName),
          agreement: pct(tr, v.agreementBps),
          votes: tr.number(v.votesDecided),
          earned: tr.amount(v.earned),
        }),
      })),
      empty: tr.t('lb-empty'),
      page: input.page,
      hasMore: board.hasMore,
      datanetId: datanet.id,
    };
  }
  const board = await app.contributions.leaderboard({
    datanetId: input.datanetId,
    by: input.board,
    page: input.page,
    pageSize: PAGE_SIZE,
  });
  return {
    title: tr.t(input.board === 'earnings' ? 'lb-title-earnings' : 'lb-title-approved', {
      datanet: board.datanetName,
    }),
    lines: board.entries.map((e) => ({
      mine: e.accountId === input.viewerAccountId,
      text: tr.t('lb-line-contributor', {
        rank: tr.number(e.rank),
        name: name(e.accountId, e.displayName),
        earned: tr.amount(e.earned),
        approved: tr.number(e.approved),
      }),
    })),
    empty: tr.t('lb-empty'),
    page: input.page,
    hasMore: board.hasMore,
    datanetId: board.datanetId,
  };
}
