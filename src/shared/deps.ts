import type { Config } from '../config.ts';
import type { Sql } from '../db/openDatabase.ts';
import type { SystemAccounts } from '../ledger/systemAccounts.ts';
import type { Logger } from './createLogger.ts';

/** What every use case receives: the ports it may touch, nothing global. */
export interface Deps {
  sql: Sql;
  config: Config;
  system: SystemAccounts;
  log: Logger;
  /** Injected so tests can move time (link-code expiry, daily quotas). */
  now: () => Date;
}
