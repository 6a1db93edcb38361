import type { Update } from 'grammy/types';
import type { FakeFile } from './startFakeTelegram.ts';

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  /** The user's Telegram app language, as Telegram sends it ("fa", "en"). */
  language_code?: string;
}

let nextUpdateId = 1;
let nextMessageId = 1;
/** Telegram numbers updates upwards; tests pass an explicit id only to repeat one. */
const updateId = (explicit?: number) => explicit ?? nextUpdateId++;
const date = () => Math.floor(Date.now() / 1000);

interface Where {
  /** The chat the message is in; a private chat with the user unless given (negative = group). */
  chatId?: number;
  updateId?: number;
}

const chatOf = (user: FakeUser, chatId?: number) =>
  chatId === undefined || chatId === user.id
    ? { id: user.id, type: 'private' as const, first_name: user.first_name }
    : { id: chatId, type: 'group' as const, title: 'A group' };

/** A text message; a leading `/command` carries the `bot_command` entity grammy matches on. */
export function messageUpdate(user: FakeUser, text: string, where: Where = {}): Update {
  const command = /^\/[a-z0-9_]+(@\w+)?/i.exec(text);
  return {
    update_id: updateId(where.updateId),
    message: {
      message_id: nextMessageId++,
      date: date(),
      chat: chatOf(user, where.chatId),
      from: { ...user, is_bot: false },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  } as Update;
}

/** A press on an inline button of a message the bot sent earlier. */
export function callbackUpdate(
  user: FakeUser,
  data: string,
  message: { chatId: number; messageId: number; text?: string },
  where: Pick<Where, 'updateId'> = {},
): Update {
  return {
    update_id: updateId(where.updateId),
    callback_query: {
      id: `cb-${nextMessageId++}`,
      from: { ...user, is_bot: false },
      chat_instance: `ci-${message.chatId}`,
      data,
      message: {
        message_id: message.messageId,
        date: date(),
        chat:
          message.chatId > 0
            ? { id: message.chatId, type: 'private', first_name: 'x' }
            : chatOf(user, message.chatId),
        from: { id: 1, is_bot: true, first_name: 'Potluck' },
        text: message.text ?? '',
      },
    },
  } as Update;
}

/** A document (file) message; the file must be registered on the fake so getFile can serve it. */
export function documentUpdate(
  user: FakeUser,
  file: FakeFile,
  options: { fileName: string; caption?: string; mimeType?: string } & Where,
): Update {
  return {
    update_id: updateId(options.updateId),
    message: {
      message_id: nextMessageId++,
      date: date(),
      chat: chatOf(user, options.chatId),
      from: { ...user, is_bot: false },
      document: {
        file_id: file.fileId,
        file_unique_id: `u-${file.fileId}`,
        file_name: options.fileName,
        mime_type: options.mimeType ?? 'text/plain',
        file_size: file.content.length,
      },
      ...(options.caption ? { caption: options.caption } : {}),
    },
  } as Update;
}
