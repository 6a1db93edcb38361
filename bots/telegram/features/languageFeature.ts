import { Composer, InlineKeyboard } from 'grammy';
import { isLanguage } from '../../../src/accounts/languages.ts';
import { LANGUAGE_NAME_IDS, pickLanguage, translator } from '../../i18n/translator.ts';
import type { PotluckContext } from '../context.ts';
import { text } from '../render/html.ts';
import { editHtml, replyHtml } from '../render/send.ts';

const CHOICES = /^(fa|en|auto)$/;

/** Each choice named in its own language, so a reader finds theirs whatever they read now. */
const keyboard = () =>
  new InlineKeyboard()
    .text(translator('fa').t('language-name-fa'), 'lang:fa')
    .text(translator('en').t('language-name-en'), 'lang:en')
    .row()
    .text(
      `${translator('en').t('language-choice-auto')} / ${translator('fa').t('language-choice-auto')}`,
      'lang:auto',
    );

/** Stores the choice on the account (Discord follows it too) and says so in the new language. */
async function choose(ctx: PotluckContext, choice: string): Promise<string> {
  const language = isLanguage(choice) ? choice : null;
  await ctx.potluck.app.accounts.setLanguage({ accountId: await ctx.potluck.accountId(), language });
  const now = translator(pickLanguage(language, ctx.from?.language_code));
  const name = now.t(LANGUAGE_NAME_IDS[now.language]);
  return language ? now.t('language-set', { language: name }) : now.t('language-auto', { language: name });
}

/** /language fa|en|auto, or /language alone for buttons. */
export function languageFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('language', async (ctx) => {
    const arg = (typeof ctx.match === 'string' ? ctx.match : '').trim().toLowerCase();
    if (!CHOICES.test(arg)) {
      await replyHtml(ctx, text(ctx.potluck.tr.t('language-usage')), { reply_markup: keyboard() });
      return;
    }
    await replyHtml(ctx, text(await choose(ctx, arg)));
  });
  feature.callbackQuery(/^lang:(fa|en|auto)$/, async (ctx) => {
    await editHtml(ctx, text(await choose(ctx, ctx.match[1])));
    await ctx.answerCallbackQuery();
  });
  return feature;
}
