export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
// Field names whose values never reach a log line, whoever passes them.
const SECRET = /(token|secret|password|api_?key|private_?key|authorization|signature)/i;

/**
 * JSON lines on stderr, so stdout stays free for protocols (MCP stdio) and command output.
 * Secret-looking fields are redacted here, once, rather than trusted to every caller.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const log = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    const safe: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields ?? {})) {
      safe[k] = SECRET.test(k)
        ? '[redacted]'
        : v instanceof Error
          ? { message: v.message, stack: v.stack }
          : v;
    }
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...safe }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}\n`,
    );
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}
