import { formatTokenAmount } from '../../../src/shared/formatTokenAmount.ts';

/** "1,234.5 POT" (the shared token formatter, under the name the embeds use). */
export const pot = (amount: bigint): string => formatTokenAmount(amount);

/** `▰▰▰▰▱▱▱▱▱▱ 40%`: readable in any client, no images. */
export function progressBar(fraction: number, width = 16): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return `${'▰'.repeat(full)}${'▱'.repeat(width - full)} ${Math.floor(f * 100)}%`;
}

/** Cuts text to `max` characters at a line or word boundary when one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${at > max * 0.6 ? cut.slice(0, at) : cut}…`;
}

/** Discord's relative timestamp: each reader sees "in 10 minutes" in their own time zone. */
export const relativeTime = (date: Date): string => `<t:${Math.floor(date.getTime() / 1000)}:R>`;

export const percent = (bps: number): string => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
