import type { DiscordConfig } from '../../../src/config.ts';
import type { ReviewScope } from '../store/reviewPostStore.ts';

/** Datanet id → channel id, as servers set them with /settings review (guildSettingsStore). */
export type SavedReviewChannels = ReadonlyMap<string, string>;

/**
 * The channel a datanet's contributions are posted to: a server's /settings choice first, then
 * DISCORD_REVIEW_CHANNELS (id, then name), then DISCORD_REVIEW_CHANNEL_ID.
 */
export function reviewChannelFor(
  config: DiscordConfig,
  datanet: { id: string; name: string },
  saved: SavedReviewChannels = new Map(),
): string | undefined {
  const { channels, defaultChannelId } = config.review;
  return (
    saved.get(datanet.id) ?? channels[datanet.id] ?? channels[datanet.name.toLowerCase()] ?? defaultChannelId
  );
}

export function reviewScope(
  config: DiscordConfig,
  saved: SavedReviewChannels = new Map(),
): ReviewScope | null {
  if (config.review.defaultChannelId) return { all: true };
  const keys = [...Object.keys(config.review.channels), ...saved.keys()];
  return keys.length > 0 ? { all: false, keys } : null;
}
