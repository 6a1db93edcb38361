import path from 'node:path';
import { authenticateApiKey } from './accounts/authenticateApiKey.ts';
import { createAgent } from './accounts/createAgent.ts';
import { createApiKey } from './accounts/createApiKey.ts';
import { createLinkCode } from './accounts/createLinkCode.ts';
import { redeemLinkCode } from './accounts/redeemLinkCode.ts';
import { resolveIdentity } from './accounts/resolveIdentity.ts';
import { revokeApiKey } from './accounts/revokeApiKey.ts';
import type { Config } from './config.ts';
import { getContribution } from './contributions/getContribution.ts';
import { submitContributionFile } from './contributions/submitContributionFile.ts';
import { submitContributions } from './contributions/submitContributions.ts';
import { withdrawContribution } from './contributions/withdrawContribution.ts';
import { createDatanet } from './datanets/createDatanet.ts';
import { fundDatanetPool } from './datanets/fundDatanetPool.ts';
import { getDatanet } from './datanets/getDatanet.ts';
import { listDatanets } from './datanets/listDatanets.ts';
import { migrate } from './db/migrate.ts';
import { type Database, openDatabase } from './db/openDatabase.ts';
import { getBalance } from './ledger/getBalance.ts';
import { requestFaucet } from './ledger/requestFaucet.ts';
import { loadSystemAccounts } from './ledger/systemAccounts.ts';
import { transfer } from './ledger/transfer.ts';
import { createLogger, type Logger } from './shared/createLogger.ts';
import type { Deps } from './shared/deps.ts';
import { castVote } from './validation/castVote.ts';
import { getValidatorStatus } from './validation/getValidatorStatus.ts';
import { listReviewQueue } from './validation/listReviewQueue.ts';
import { stakeAsValidator } from './validation/stakeAsValidator.ts';
import { unstakeAsValidator } from './validation/unstakeAsValidator.ts';

/** Binds a use case to the app's ports: surfaces call `app.datanets.create(input)`. */
const bind =
  <I, R>(deps: Deps, useCase: (deps: Deps, input: I) => Promise<R>) =>
  (input: I) =>
    useCase(deps, input);

export interface CreateAppOptions {
  log?: Logger;
  now?: () => Date;
  /** An already-open database (tests); otherwise opened from config. The app closes it either way. */
  database?: Database;
}

export type App = Awaited<ReturnType<typeof createApp>>;

/**
 * Wires the ports (database; later queue, chain, model runtime) into the use cases. Everything a
 * surface may do is a property of the returned object; `close()` releases it all.
 */
export async function createApp(config: Config, options: CreateAppOptions = {}) {
  const log = options.log ?? createLogger(config.logLevel);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDataDir: path.join(config.dataDir, 'pgdata'),
    }));
  try {
    const migrated = await migrate(database.sql);
    if (migrated.applied.length > 0) log.info('migrations applied', { applied: migrated.applied });
    const deps: Deps = {
      sql: database.sql,
      config,
      system: await loadSystemAccounts(database.sql),
      log,
      now: options.now ?? (() => new Date()),
    };
    let closed = false;
    return {
      config,
      database,
      deps,
      accounts: {
        resolveIdentity: bind(deps, resolveIdentity),
        createApiKey: bind(deps, createApiKey),
        revokeApiKey: bind(deps, revokeApiKey),
        createAgent: bind(deps, createAgent),
        authenticateApiKey: (apiKey: string) => authenticateApiKey(deps, apiKey),
        createLinkCode: bind(deps, createLinkCode),
        redeemLinkCode: bind(deps, redeemLinkCode),
      },
      ledger: {
        getBalance: bind(deps, getBalance),
        requestFaucet: bind(deps, requestFaucet),
        transfer: bind(deps, transfer),
      },
      datanets: {
        create: bind(deps, createDatanet),
        get: bind(deps, getDatanet),
        list: (input: Parameters<typeof listDatanets>[1] = {}) => listDatanets(deps, input),
        fundPool: bind(deps, fundDatanetPool),
      },
      contributions: {
        submit: bind(deps, submitContributions),
        submitFile: bind(deps, submitContributionFile),
        get: bind(deps, getContribution),
        withdraw: bind(deps, withdrawContribution),
      },
      validation: {
        stake: bind(deps, stakeAsValidator),
        unstake: bind(deps, unstakeAsValidator),
        vote: bind(deps, castVote),
        reviewQueue: bind(deps, listReviewQueue),
        status: bind(deps, getValidatorStatus),
      },
      async close() {
        if (closed) return;
        closed = true;
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
