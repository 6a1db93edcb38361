import type { Config } from '../config.ts';
import { toAppError } from '../errors.ts';
import { readServiceAddress } from './serviceAddress.ts';

/**
 * The CLI's one error mapping: the line a user reads on stderr (and an MCP client over stdio). A
 * data folder held by the running service gets what to do instead: use that service over HTTP.
 */
export function explainError(error: unknown, config?: Pick<Config, 'http' | 'dataDir'>): string {
  const appError = toAppError(error);
  if (!appError) return (error as Error)?.stack ?? String(error);
  if (appError.details.reason !== 'data_dir_in_use') return appError.message;
  const pid = appError.details.pid;
  // The service records where it listens (HTTP_PORT=0 picks any port); else this configuration's guess.
  const recorded = config && readServiceAddress(config.dataDir, pid);
  const guessed = config && config.http.port !== 0 && `http://${config.http.host}:${config.http.port}/mcp`;
  const endpoint = recorded || guessed || 'its /mcp endpoint';
  return [
    `The embedded database's data folder is in use by another potluck process (pid ${pid}, the running service); only one process can open it.`,
    `While it runs, use ${endpoint} with an API key (the create_agent_key tool there makes more keys; /apikey in Discord makes a first one),`,
    `or stop it (kill ${pid}) and run this again. To share one database between processes, set DATABASE_URL.`,
  ].join('\n');
}
