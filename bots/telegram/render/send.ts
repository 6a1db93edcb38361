import { type Context, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Html } from './html.ts';

interface Extra {
  reply_markup?: InlineKeyboardMarkup;
}

/** Replies in HTML parse mode; taking `Html` (not a string) means content went through `html`. */
export async function replyHtml(ctx: Context, content: Html, extra: Extra = {}): Promise<void> {
  await ctx.reply(content.text, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...extra,
  });
}

/**
 * Edits the message a button belongs to. Pressing the same button twice asks for the same text,
 * which Telegram refuses as "not modified": that is success, not an error.
 */
export async function editHtml(ctx: Context, content: Html, extra: Extra = {}): Promise<void> {
  try {
    await ctx.editMessageText(content.text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...extra,
    });
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
    throw error;
  }
}
