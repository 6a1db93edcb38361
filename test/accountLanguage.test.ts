import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/createTestApp.ts';

// One language choice per person, whichever surface they made it on.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

const person = async (identity: string) => (await t.app.accounts.resolveIdentity({ identity })).accountId;

describe('account language', () => {
  it('is null until chosen, then read through any identity of the account', async () => {
    const id = await person('telegram:7001');
    expect(await t.app.accounts.getLanguage({ identity: 'telegram:7001' })).toBeNull();
    expect(await t.app.accounts.getLanguage({ identity: 'telegram:7999' })).toBeNull();
    await t.app.accounts.setLanguage({ accountId: id, language: 'fa' });
    expect(await t.app.accounts.getLanguage({ identity: 'telegram:7001' })).toBe('fa');
    await t.app.accounts.setLanguage({ accountId: id, language: null });
    expect(await t.app.accounts.getLanguage({ identity: 'telegram:7001' })).toBeNull();
  });

  it('refuses a language the bots do not speak, naming the field', async () => {
    const id = await person('telegram:7002');
    const error = await t.app.accounts.setLanguage({ accountId: id, language: 'de' as 'fa' }).catch((e) => e);
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('language');
  });

  it('follows the person through a link-code merge, unless the surviving account chose', async () => {
    const discord = await person('discord:7101');
    const telegram = await person('telegram:7101');
    await t.app.accounts.setLanguage({ accountId: telegram, language: 'fa' });
    const { code } = await t.app.accounts.createLinkCode({ accountId: discord });
    await t.app.accounts.redeemLinkCode({ identity: 'telegram:7101', code });
    expect(await t.app.accounts.getLanguage({ identity: 'discord:7101' })).toBe('fa');

    const chose = await person('discord:7102');
    const other = await person('telegram:7102');
    await t.app.accounts.setLanguage({ accountId: chose, language: 'en' });
    await t.app.accounts.setLanguage({ accountId: other, language: 'fa' });
    const second = await t.app.accounts.createLinkCode({ accountId: chose });
    await t.app.accounts.redeemLinkCode({ identity: 'telegram:7102', code: second.code });
    expect(await t.app.accounts.getLanguage({ identity: 'telegram:7102' })).toBe('en');
  });
});
