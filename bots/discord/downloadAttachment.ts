import type { Attachment } from 'discord.js';
import { ACCEPTED_EXTENSIONS } from '../../src/contributions/checks/parseContributionFile.ts';
import { AppError, badInput } from '../../src/errors.ts';
import { bytes } from './render/format.ts';

const tooLarge = (name: string, size: number, limit: number) =>
  new AppError(
    'TOO_LARGE',
    `${name} is ${bytes(size)}; files up to ${bytes(limit)} are accepted. Split it into smaller files and send them one by one.`,
    { bytes: size, limit },
  );

/**
 * Fetches an uploaded file from Discord's CDN, refusing before the download what the size Discord
 * reports already rules out, and stopping the download as soon as it passes the limit in case
 * that report was wrong. The content rules (UTF-8, .jsonl rows) are the use case's.
 */
export async function downloadAttachment(
  attachment: Pick<Attachment, 'name' | 'size' | 'url'>,
  maxBytes: number,
  timeoutMs = 30_000,
): Promise<Buffer> {
  const name = attachment.name;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')).toLowerCase() : '';
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw badInput(`${name}: only ${ACCEPTED_EXTENSIONS.join(', ')} files are accepted.`);
  }
  if (attachment.size > maxBytes) throw tooLarge(name, attachment.size, maxBytes);
  const res = await fetch(attachment.url, { signal: AbortSignal.timeout(timeoutMs) }).catch((error) => {
    throw new AppError('UNAVAILABLE', `Could not download ${name} from Discord.`, {}, { cause: error });
  });
  if (!res.ok || !res.body) {
    throw new AppError('UNAVAILABLE', `Could not download ${name} from Discord (HTTP ${res.status}).`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    // Leaving the loop by throwing cancels the rest of the download.
    if (total > maxBytes) throw tooLarge(name, total, maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
