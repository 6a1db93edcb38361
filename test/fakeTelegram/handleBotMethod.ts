import { checkTelegramHtml } from './checkTelegramHtml.ts';
import type { FakeState } from './startFakeTelegram.ts';

type Reply =
  | { ok: true; result: unknown }
  | { ok: false; errorCode: number; description: string; parameters?: { retry_after: number } };
const ok = (result: unknown): Reply => ({ ok: true, result });
const fail = (errorCode: number, description: string): Reply => ({ ok: false, errorCode, description });

/**
 * The Bot API methods the Potluck bot uses, with the checks real Telegram makes that a bot can
 * trip over (HTML that does not parse, callback data over 64 bytes, editing to the same text,
 * polling while a webhook is set), so the tests catch what production would refuse.
 */
export async function handleBotMethod(
  state: FakeState,
  method: string,
  payload: Record<string, unknown>,
  aborted: AbortSignal,
): Promise<Reply> {
  if (method === 'getUpdates') {
    // Recorded when asked, since a long poll may be held open for seconds.
    state.calls.push({ method, payload });
    state.events.emit('call');
    return getUpdates(state, payload, aborted);
  }
  const limited = state.rateLimits.find((r) => r.method === method && r.left > 0);
  if (limited) {
    limited.left -= 1;
    const description = `Too Many Requests: retry after ${limited.retryAfter}`;
    state.calls.push({ method, payload, error: description });
    state.events.emit('call');
    return { ...fail(429, description), parameters: { retry_after: limited.retryAfter } } as Reply;
  }
  await held(state, method, payload);
  const reply = answer(state, method, payload);
  state.calls.push({
    method,
    payload,
    ...(reply.ok ? { result: reply.result } : { error: reply.description }),
  });
  state.events.emit('call');
  return reply;
}

function answer(state: FakeState, method: string, payload: Record<string, unknown>): Reply {
  switch (method) {
    case 'getMe':
      return ok(state.botUser);
    case 'setWebhook':
      state.webhook = { url: String(payload.url), secret: payload.secret_token as string | undefined };
      return ok(true);
    case 'deleteWebhook':
      state.webhook = null;
      if (payload.drop_pending_updates) state.queue.length = 0;
      return ok(true);
    case 'getWebhookInfo':
      return ok({ url: state.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
    case 'setMyCommands':
      return setMyCommands(state, payload);
    case 'getMyCommands':
      return ok(state.commandMenus.get(menuKey(payload)) ?? []);
    case 'answerCallbackQuery':
    case 'sendChatAction':
      return ok(true);
    case 'sendMessage':
    case 'editMessageText':
      return sendOrEdit(state, method, payload);
    case 'sendPhoto':
      return sendPhoto(state, payload);
    case 'getFile': {
      const file = state.files.get(String(payload.file_id));
      if (!file) return fail(400, 'Bad Request: invalid file_id');
      return ok({
        file_id: file.fileId,
        file_unique_id: `u-${file.fileId}`,
        file_size: file.content.length,
        file_path: file.filePath,
      });
    }
    default:
      return fail(404, 'Not Found: method not found');
  }
}

/** Waits while a hold matches this request. */
export async function held(state: FakeState, method: string, payload: Record<string, unknown>) {
  const hold = state.holds.find((h) => h.match(method, payload));
  if (hold) await hold.released;
}

const SCOPES = [
  'default',
  'all_private_chats',
  'all_group_chats',
  'all_chat_administrators',
  'chat',
  'chat_administrators',
  'chat_member',
];

const menuKey = (payload: Record<string, unknown>) => {
  const scope = (payload.scope as { type?: string; chat_id?: number } | undefined) ?? { type: 'default' };
  return `${scope.type}${scope.chat_id === undefined ? '' : `:${scope.chat_id}`}|${payload.language_code ?? ''}`;
};

/** Telegram's rules for a menu: a known scope, 1-32 lowercase characters a command, 1-256 a description. */
function setMyCommands(state: FakeState, payload: Record<string, unknown>): Reply {
  const scope = payload.scope as { type?: string } | undefined;
  if (scope && !SCOPES.includes(String(scope.type))) return fail(400, 'Bad Request: unsupported scope');
  const commands = payload.commands as { command: string; description: string }[];
  if (!Array.isArray(commands) || commands.length > 100) return fail(400, 'Bad Request: too many commands');
  for (const c of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(c.command)) return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
    if (!c.description || c.description.length > 256)
      return fail(400, 'Bad Request: command description is invalid');
  }
  state.commandMenus.set(menuKey(payload), commands);
  return ok(true);
}

async function getUpdates(state: FakeState, payload: Record<string, unknown>, aborted: AbortSignal) {
  if (state.webhook) {
    return fail(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const offset = Number(payload.offset ?? 0);
  const limit = Math.min(Number(payload.limit ?? 100) || 100, 100);
  const timeoutS = Number(payload.timeout ?? 0);
  // Calling with an offset confirms every update below it: Telegram forgets them.
  const pending = () => {
    const keep = state.queue.filter((u) => u.update_id >= offset);
    state.queue.splice(0, state.queue.length, ...keep);
    return keep.slice(0, limit);
  };
  const ready = pending();
  if (ready.length > 0 || timeoutS <= 0) return ok(ready);
  // Long poll: hold the request until an update arrives, the timeout passes or the bot hangs up.
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      state.events.off('update', done);
      state.events.off('close', done);
      aborted.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutS * 1000);
    state.events.on('update', done);
    state.events.on('close', done);
    aborted.addEventListener('abort', done);
  });
  return ok(pending());
}

function sendOrEdit(state: FakeState, method: string, payload: Record<string, unknown>): Reply {
  const text = String(payload.text ?? '');
  if (payload.parse_mode === 'HTML') {
    const problem = checkTelegramHtml(text);
    if (problem) return fail(400, `Bad Request: can't parse entities: ${problem}`);
  }
  if (text.trim() === '') return fail(400, 'Bad Request: message text is empty');
  if (text.replace(/<[^>]+>/g, '').length > 4096) return fail(400, 'Bad Request: message is too long');
  const markup = payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  for (const row of markup?.inline_keyboard ?? []) {
    for (const b of row) {
      if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64) {
        return fail(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
    }
  }
  const chatId = Number(payload.chat_id);
  const texts = state.messageTexts;
  let messageId: number;
  if (method === 'editMessageText') {
    messageId = Number(payload.message_id);
    const before = texts.get(`${chatId}:${messageId}`);
    if (before === undefined) return fail(400, 'Bad Request: message to edit not found');
    if (before === text) {
      return fail(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
  } else {
    state.nextMessageId += 1;
    messageId = state.nextMessageId;
  }
  texts.set(`${chatId}:${messageId}`, text);
  return ok({
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat:
      chatId > 0
        ? { id: chatId, type: 'private', first_name: 'User' }
        : { id: chatId, type: 'group', title: 'Group' },
    from: state.botUser,
    text: text.replace(/<[^>]+>/g, ''),
    ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
  });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A photo upload: like Telegram, the file must be an image (PNG or JPEG here), the caption at most
 * 1024 characters of parseable HTML. The result carries the photo's size as Telegram reports it.
 */
function sendPhoto(state: FakeState, payload: Record<string, unknown>): Reply {
  const photo = payload.photo as { content?: Buffer } | undefined;
  const content = photo?.content;
  if (!content) return fail(400, 'Bad Request: there is no photo in the request');
  const isPng = content.subarray(0, 8).equals(PNG);
  const isJpeg = content[0] === 0xff && content[1] === 0xd8;
  if (!isPng && !isJpeg) return fail(400, 'Bad Request: IMAGE_PROCESS_FAILED');
  const caption = String(payload.caption ?? '');
  if (payload.parse_mode === 'HTML') {
    const problem = checkTelegramHtml(caption);
    if (problem) return fail(400, `Bad Request: can't parse entities: ${problem}`);
  }
  if (caption.replace(/<[^>]+>/g, '').length > 1024)
    return fail(400, 'Bad Request: message caption is too long');
  state.nextMessageId += 1;
  const chatId = Number(payload.chat_id);
  const size = isPng
    ? { width: content.readUInt32BE(16), height: content.readUInt32BE(20) }
    : { width: 0, height: 0 };
  return ok({
    message_id: state.nextMessageId,
    date: Math.floor(Date.now() / 1000),
    chat:
      chatId > 0
        ? { id: chatId, type: 'private', first_name: 'User' }
        : { id: chatId, type: 'group', title: 'Group' },
    from: state.botUser,
    photo: [
      {
        file_id: `photo-${state.nextMessageId}`,
        file_unique_id: `p${state.nextMessageId}`,
        file_size: content.length,
        ...size,
      },
    ],
    ...(caption ? { caption: caption.replace(/<[^>]+>/g, '') } : {}),
  });
}
