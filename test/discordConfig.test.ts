import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('Discord configuration', () => {
  it('keeps the token out of logs and serialised config', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'MTA.abc.def',
      DISCORD_REVIEW_CHANNELS: 'Persian Poetry=123456789012345678, 7=223456789012345678',
    });
    expect(config.discord.token).toBe('MTA.abc.def');
    expect(JSON.stringify(config.discord)).not.toContain('MTA.abc.def');
    expect(config.discord.review.channels).toEqual({
      'persian poetry': '123456789012345678',
      '7': '223456789012345678',
    });
  });

  it('names every malformed Discord variable', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'not a token' })).toThrow(/DISCORD_TOKEN/);
    expect(() => loadConfig({ DISCORD_REVIEW_CHANNELS: 'Poems=#review' })).toThrow(
      /DISCORD_REVIEW_CHANNELS: "Poems=#review"/,
    );
    expect(() => loadConfig({ ROLE_PERMISSIONS: 'datanet.delete=Admins' })).toThrow(
      /unknown permission "datanet.delete"/,
    );
  });
});
