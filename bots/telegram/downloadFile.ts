import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { File } from 'grammy/types';
import { AppError } from '../../src/errors.ts';
import type { PotluckContext } from './context.ts';

/** What hydrateFiles (FileX) adds to getFile's result; only getUrl is used. */
type HydratedFile = File & { getUrl(): string };

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
}

/**
 * The message's file, as bytes. @grammyjs/files (installed on the bot's API) says where the file
 * is: a URL on the Bot API root, or a path on disk when a local Bot API server runs beside us. Its
 * own download() is not used: on Node it goes through https.get only (no http local server) and has
 * no timeout, and a stalled download would hold the chat's queue. Here the transfer has a deadline
 * and stops as soon as it passes the size limit, in case Telegram's reported size was wrong.
 */
export async function downloadFile(ctx: PotluckContext, limits: DownloadLimits): Promise<Buffer> {
  const { tr } = ctx.potluck;
  const tooLarge = () =>
    new AppError('TOO_LARGE', tr.t('contribute-too-large', { kb: Math.floor(limits.maxBytes / 1024) }));
  const unavailable = (cause?: unknown) =>
    new AppError('UNAVAILABLE', tr.t('contribute-file-unavailable'), {}, { cause });
  const file = (await ctx.getFile()) as HydratedFile;
  const where = file.getUrl();
  if (isAbsolute(where)) {
    if ((await stat(where)).size > limits.maxBytes) throw tooLarge();
    return readFile(where);
  }
  const res = await fetch(where, { signal: AbortSignal.timeout(limits.timeoutMs) }).catch((error) => {
    throw unavailable(error);
  });
  if (!res.ok || !res.body) throw unavailable();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += chunk.byteLength;
      // Leaving the loop by throwing cancels the rest of the download.
      if (total > limits.maxBytes) throw tooLarge();
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    throw error instanceof AppError ? error : unavailable(error);
  }
  return Buffer.concat(chunks);
}
