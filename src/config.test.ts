import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs embedded with no variables at all', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.faucet.enabled).toBe(false);
    expect(c.datanetDefaults.minStake).toBe(10n * 10n ** 18n);
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', HTTP_PORT: 'abc', DEFAULT_DEPOSIT: '1.5' })).toThrow(
      /DATABASE_URL[\s\S]*HTTP_PORT[\s\S]*DEFAULT_DEPOSIT/,
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', DEV_FAUCET_ENABLED: 'yes' }).faucet.enabled).toBe(true);
  });
});
