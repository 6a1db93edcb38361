import { describe, expect, it } from 'vitest';
import { checkPermission } from '../src/accounts/checkPermission.ts';
import { loadConfig } from '../src/config.ts';
import type { Deps } from '../src/shared/deps.ts';

const depsWith = (env: Record<string, string>) => ({ config: loadConfig(env) }) as Deps;

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

describe('role permissions', () => {
  it('leaves a permission nobody configured open to everyone', async () => {
    await expect(checkPermission(depsWith({}), { permission: 'train', roles: [] })).resolves.toMatchObject({
      allowed: true,
    });
  });

  it('grants by role name in any case or by id, and refuses with the roles to ask for', async () => {
    const deps = depsWith({
      ROLE_PERMISSIONS: 'train=Developers,123456789012345678; model.publish=Developers',
    });
    await expect(checkPermission(deps, { permission: 'train', roles: ['developers'] })).resolves.toBeTruthy();
    await expect(
      checkPermission(deps, { permission: 'train', roles: ['123456789012345678'] }),
    ).resolves.toBeTruthy();
    await expect(
      checkPermission(deps, { permission: 'model.publish', roles: ['Poets'] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Publishing models is limited to the role Developers. Ask a server admin for it.',
    });
  });
});
