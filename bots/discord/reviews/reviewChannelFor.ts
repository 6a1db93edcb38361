import type { DiscordConfig } from '../../../src/config.ts';
import type { ReviewScope } from '../store/reviewPostStore.ts';

/** The channel a datanet's contributions are posted to: its own mapping (id, then name) or the default. */
export function reviewChannelFor(
  config: DiscordConfig,
  datanet: { id: string; name: string },
): string | undefined {
  const { channels, defaultChannelId } = config.review;
  return channels[datanet.id] ?? channels[datanet.name.toLowerCase()] ?? defaultChannelId;
}

export function reviewScope(config: DiscordConfig): ReviewScope | null {
  if (config.review.defaultChannelId) return { all: true };
  const keys = Object.keys(config.review.channels);
  return keys.length > 0 ? { all: false, keys } : null;
}
