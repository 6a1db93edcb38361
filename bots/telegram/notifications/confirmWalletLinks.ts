import type { Api } from 'grammy';
import type { App } from '../../../src/app.ts';
import type { Logger } from '../../../src/shared/createLogger.ts';
import { pickLanguage, translator } from '../../i18n/translator.ts';
import { html, text } from '../render/html.ts';
import { ht } from '../render/translateHtml.ts';

/**
 * Tells each chat whose /wallet page link was used that the wallet is linked. Each confirmation is
 * taken once (another bot instance cannot send it too); one that cannot be delivered is logged.
 */
export async function confirmWalletLinks(app: App, api: Api, log: Logger): Promise<number> {
  const done = await app.walletPage.takeLinkConfirmations({ surface: 'telegram' });
  let sent = 0;
  for (const c of done) {
    if (!c.notifyRef) continue;
    try {
      // /wallet answers in private chats only, where the chat id is the user's id.
      const language = await app.accounts
        .getLanguage({ identity: `telegram:${c.notifyRef}` })
        .catch(() => null);
      const tr = translator(pickLanguage(language, null));
      const message = ht(tr, 'tg-wallet-page-linked', { address: html`<code>${text(c.address)}</code>` });
      await api.sendMessage(Number(c.notifyRef), message.text, { parse_mode: 'HTML' });
      sent += 1;
    } catch (error) {
      log.warn('telegram wallet link confirmation not delivered', { accountId: c.accountId, error });
    }
  }
  return sent;
}
