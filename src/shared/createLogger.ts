import pino from 'pino';
import { currentRequestContext } from './requestContext.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines all carry `bindings` (a surface's or job's name, say). */
  child(bindings: Record<string, unknown>): Logger;
}

// Field names whose values never reach a log line, at any depth, whoever passes them.
const SECRET =
  /(token|secret|password|passphrase|api_?key|private_?key|mnemonic|authorization|signature|cookie)/i;
// Known places secrets sit, for pino's path redaction (cheap, before the deep walk below).
const REDACT_PATHS = [
  'config.databaseUrl',
  'config.redisUrl',
  'config.chain',
  'config.telegram',
  'config.discord',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.apiKey',
  '*.token',
  '*.privateKey',
];
const CENSOR = '[redacted]';

/**
 * Secrets inside strings: passwords in URLs (DATABASE_URL, REDIS_URL, RPC URLs), Telegram bot
 * tokens (they sit in Bot API URLs), our API keys' secret half and bare 32-byte hex after "key".
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][\w+.-]*:\/\/[^:/?#\s@]*:)[^@\s/]+@/gi, `$1${CENSOR}@`)
    .replace(/(?<!\d)\d{3,20}:[\w-]{30,}/g, CENSOR)
    .replace(/\b(pl_[a-z0-9]{16}_)[\w-]{43}/g, `$1${CENSOR}`)
    .replace(/(key\W{1,3})(0x)?[0-9a-f]{64}\b/gi, `$1${CENSOR}`);
}

function clean(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return clean({ type: value.name, message: value.message, code, stack: value.stack }, depth + 1, seen);
  }
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET.test(k) ? CENSOR : clean(v, depth + 1, seen);
  return out;
}

export interface LogDestination {
  write(line: string): void;
}

/**
 * pino JSON lines on stderr, so stdout stays free for protocols (MCP stdio) and command output.
 * Every line carries the request id of the work it was written for (see requestContext.ts).
 * Secrets are redacted here, once, by path, by field name and inside strings, rather than
 * trusted to every caller.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const destination: LogDestination = { write };
  const root = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => clean(fields, 0, new WeakSet()) as Record<string, unknown>,
      },
      mixin: () => ({ ...currentRequestContext() }),
    },
    destination,
  );
  return wrap(root);
}

function wrap(p: pino.Logger): Logger {
  const at =
    (lvl: 'debug' | 'info' | 'warn' | 'error') => (msg: string, fields?: Record<string, unknown>) => {
      if (!p.isLevelEnabled(lvl)) return;
      p[lvl](fields ?? {}, scrubSecrets(msg));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => wrap(p.child(clean(bindings, 0, new WeakSet()) as Record<string, unknown>)),
  };
}
