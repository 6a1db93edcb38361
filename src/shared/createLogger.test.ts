import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.ts';
import { withRequestContext } from './requestContext.ts';

const capture = (level: Parameters<typeof createLogger>[0] = 'debug') => {
  const lines: string[] = [];
  return {
    log: createLogger(level, (l) => void lines.push(l)),
    lines,
    parsed: () => lines.map((l) => JSON.parse(l)),
  };
};

describe('createLogger', () => {
  it('writes JSON lines at or above its level, with child bindings and the request id', () => {
    const { log, lines, parsed } = capture('info');
    log.debug('hidden');
    withRequestContext({ requestId: 'r-1' }, () => log.child({ surface: 'test' }).warn('shown', { n: 5n }));
    expect(lines).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({
      level: 'warn',
      msg: 'shown',
      surface: 'test',
      requestId: 'r-1',
      n: '5',
    });
    capture('silent').log.error('nothing');
  });

  it('redacts secrets by path, by field name at any depth, and inside strings', () => {
    const { log, lines } = capture();
    const key = `0x${'ab'.repeat(32)}`;
    log.error('failed for postgres://u:hunter2@db/x with pl_0123456789abcdef_' + 'Z'.repeat(43), {
      config: { databaseUrl: 'postgres://u:hunter2@db/x' },
      nested: { deeper: { privateKey: key, botToken: '1:abc' } },
      error: new Error('redis://:hunter2@cache:6379 refused'),
      url: 'https://api.telegram.org/bot123456789:AAHsecretTelegramBotTokenNeverLogged0/getMe',
    });
    const out = lines.join('');
    for (const s of ['hunter2', 'ZZZZ', 'ab'.repeat(32), '1:abc', 'AAHsecret']) expect(out).not.toContain(s);
    expect(out).toContain('pl_0123456789abcdef_[redacted]');
  });
});
