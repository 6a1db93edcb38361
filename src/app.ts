import path from 'node:path';
import { authenticateApiKey } from './accounts/authenticateApiKey.ts';
import { checkPermission } from './accounts/checkPermission.ts';
import { createAgent } from './accounts/createAgent.ts';
import { createApiKey } from './accounts/createApiKey.ts';
import { createLinkCode } from './accounts/createLinkCode.ts';
import { getLanguage } from './accounts/getLanguage.ts';
import { redeemLinkCode } from './accounts/redeemLinkCode.ts';
import { resolveIdentity } from './accounts/resolveIdentity.ts';
import { revokeApiKey } from './accounts/revokeApiKey.ts';
import { setLanguage } from './accounts/setLanguage.ts';
import { syncAccountRoles } from './accounts/syncAccountRoles.ts';
import { anchoringIntake } from './anchoring/anchoringIntake.ts';
import { bindChainUseCases } from './bindChainUseCases.ts';
import { type ChainPort, openChain } from './chain/openChain.ts';
import { replayOutbox } from './chain/outbox/replayOutbox.ts';
import type { EmbeddedChain } from './chain/startEmbeddedChain.ts';
import type { Config } from './config.ts';
import { datanetContributionCounts } from './contributions/contributionStore.ts';
import { getContribution } from './contributions/getContribution.ts';
import { getContributorLeaderboard } from './contributions/getContributorLeaderboard.ts';
import { getDatanetActivity } from './contributions/getDatanetActivity.ts';
import { ContributionCheckPool } from './contributions/prepareItems.ts';
import { previewDataset } from './contributions/previewDataset.ts';
import { submitContributionFile } from './contributions/submitContributionFile.ts';
import { submitContributions } from './contributions/submitContributions.ts';
import { withdrawContribution } from './contributions/withdrawContribution.ts';
import { createDatanet } from './datanets/createDatanet.ts';
import { fundDatanetPool } from './datanets/fundDatanetPool.ts';
import { getDatanet } from './datanets/getDatanet.ts';
import { listDatanets } from './datanets/listDatanets.ts';
import { migrate } from './db/migrate.ts';
import { type Database, openDatabase } from './db/openDatabase.ts';
import { anchorReceipts } from './inference/anchorReceipts.ts';
import { getReceipt } from './inference/getReceipt.ts';
import { InferenceMemory } from './inference/inferenceMemory.ts';
import { withUsage } from './inference/inferenceStore.ts';
import { type InvokeModelResult, invokeModel } from './inference/invokeModel.ts';
import { getEarningsOverTime } from './ledger/getEarningsOverTime.ts';
import { PostingBatcher } from './ledger/postBatched.ts';
import { requestFaucet } from './ledger/requestFaucet.ts';
import { loadSystemAccounts } from './ledger/systemAccounts.ts';
import { transfer } from './ledger/transfer.ts';
import { type AppMetrics, createMetrics } from './metrics/createMetrics.ts';
import type { ArtifactStore } from './ml/artifactStore.ts';
import { ThreadInfluenceScorer } from './ml/influence/threadInfluenceScorer.ts';
import { ModelRuntime } from './ml/modelRuntime.ts';
import { openArtifactStore } from './ml/openArtifactStore.ts';
import { AdapterPool } from './ml/serving/adapterPool.ts';
import { NeuralRuntime } from './ml/serving/neuralRuntime.ts';
import { getModel } from './models/getModel.ts';
import { listModels } from './models/listModels.ts';
import { publishModel } from './models/publishModel.ts';
import { listAccountEvents } from './notifications/listAccountEvents.ts';
import { createJobQueue } from './queue/createJobQueue.ts';
import type { AnyJobDefinition } from './queue/jobDefinition.ts';
import { getBalance } from './rewards/getBalance.ts';
import { listEarningsSince } from './rewards/listEarningsSince.ts';
import { replayEpochClaims } from './rewards/replayEpochClaims.ts';
import { createLogger, type Logger } from './shared/createLogger.ts';
import type { Deps } from './shared/deps.ts';
import { cancelTrainingRun } from './training/cancelTrainingRun.ts';
import { getTrainingRun } from './training/getTrainingRun.ts';
import { listBaseModels } from './training/listBaseModels.ts';
import { listTrainingRuns } from './training/listTrainingRuns.ts';
import { startTrainingRun } from './training/startTrainingRun.ts';
import { watchTrainingRun } from './training/watchTrainingRun.ts';
import { castVote } from './validation/castVote.ts';
import { closeExpiredReviews } from './validation/closeExpiredReviews.ts';
import { getValidatorLeaderboard } from './validation/getValidatorLeaderboard.ts';
import { getValidatorStatus } from './validation/getValidatorStatus.ts';
import { listReviewQueue } from './validation/listReviewQueue.ts';
import { seedGoldItems } from './validation/seedGoldItems.ts';
import { stakeAsValidator } from './validation/stakeAsValidator.ts';
import { unstakeAsValidator } from './validation/unstakeAsValidator.ts';
import { bindWalletPageUseCases } from './walletPage/bindWalletPageUseCases.ts';

/** LoRA serving; nothing native loads until the first call to a LoRA model. */
function createNeuralRuntime(
  config: Config,
  store: ArtifactStore,
): { neural: NeuralRuntime; pool: AdapterPool } {
  const s = config.serving;
  const pool = new AdapterPool({
    maxContexts: s.maxContexts,
    maxAdaptersPerBase: s.maxAdaptersPerBase,
    idleMs: s.idleMs,
    contextSize: s.contextSize,
    batchSize: s.batchSize,
    threads: s.threads,
    maxParallel: s.maxParallel,
  });
  const neural = new NeuralRuntime(store, pool, new ThreadInfluenceScorer(store.root), {
    cacheSize: config.training.modelCacheSize,
    baseModelsDir: config.training.baseModelsDir,
    influenceWeight: s.influenceWeight,
    influenceBudgetMs: s.influenceBudgetMs,
  });
  return { neural, pool };
}

/** Binds a use case to the app's ports: surfaces call `app.datanets.create(input)`. */
const bind =
  <I, R>(deps: Deps, useCase: (deps: Deps, input: I) => Promise<R>) =>
  (input: I) =>
    useCase(deps, input);

/** Whether `work` settled within `ms` (it goes on either way; the caller stops waiting). */
async function finishesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true as const,
        () => true as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts and times paid calls for /metrics; the use case stays unaware of Prometheus. */
function timedPaidCall<I>(metrics: AppMetrics, invoke: (input: I) => Promise<InvokeModelResult>) {
  return async (input: I): Promise<InvokeModelResult> => {
    const started = performance.now();
    try {
      const result = await invoke(input);
      const seconds = (performance.now() - started) / 1000;
      metrics.paidCall(seconds, result.replayed ? 'replayed' : 'charged', BigInt(result.receipt.fee));
      return result;
    } catch (error) {
      metrics.paidCall((performance.now() - started) / 1000, 'failed');
      throw error;
    }
  };
}

export interface CreateAppOptions {
  /**
   * The jobs this app's queue runs (jobs/jobDefinitions.ts): the composition root registers them, so
   * the app wires use cases to the queue without depending on the job surface.
   */
  jobDefinitions: readonly AnyJobDefinition[];
  log?: Logger;
  now?: () => Date;
  /** An already-open database (tests); otherwise opened from config. The app closes it either way. */
  database?: Database;
  /**
   * false: no chain (chain use cases refuse). An EmbeddedChain: use that one (tests; the app does not
   * close it). Unset: the chain from config (embedded unless CHAIN_RPC_URL).
   */
  chain?: false | EmbeddedChain;
}

export type App = Awaited<ReturnType<typeof createApp>>;

/**
 * Wires the ports (database; later queue, chain, model runtime) into the use cases. Everything a
 * surface may do is a property of the returned object; `close()` releases it all.
 */
export async function createApp(config: Config, options: CreateAppOptions) {
  const log = options.log ?? createLogger(config.logLevel);
  // The effective configuration, for operators at LOG_LEVEL=debug; the logger redacts its secrets.
  log.debug('app starting', { config });
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDataDir: path.join(config.dataDir, 'pgdata'),
    }));
  let chain: ChainPort | undefined;
  try {
    const migrated = await migrate(database.sql);
    if (migrated.applied.length > 0) log.info('migrations applied', { applied: migrated.applied });
    const metrics = createMetrics();
    const jobs = await createJobQueue(config, log, {
      consume: config.jobs.inStart,
      onJobFinished: (job, seconds, outcome) => metrics.jobFinished(job, seconds, outcome),
    });
    const modelRuntime = new ModelRuntime(openArtifactStore(config, database), {
      cacheSize: config.training.modelCacheSize,
      baseModelsDir: config.training.baseModelsDir,
    });
    const deps: Deps = {
      sql: database.sql,
      config,
      system: await loadSystemAccounts(database.sql),
      log,
      now: options.now ?? (() => new Date()),
      jobs,
      modelRuntime,
      inference: new InferenceMemory(),
      postings: new PostingBatcher(database.sql),
      contributionChecks: new ContributionCheckPool({
        signatureCacheSize: config.limits.nearDuplicateCacheSize,
      }),
      anchoring: anchoringIntake,
      contributionCounts: datanetContributionCounts,
    };
    const serving = createNeuralRuntime(config, modelRuntime.store);
    deps.neural = serving.neural;
    metrics.watch({
      sql: database.sql,
      log,
      queueDepth: () => jobs.depth(),
      adapterPool: () => serving.pool.stats(),
    });
    if (options.chain !== false) {
      chain = await openChain(config.chain, {
        log,
        embedded: options.chain,
        sharedDatabase: database.kind === 'postgres' ? database.sql : undefined,
      });
      deps.chain = chain;
      // A fresh embedded chain has nothing on it: put back what the outbox already sent.
      await replayOutbox(deps, { replayClaims: (c, epoch) => replayEpochClaims(deps, c, epoch) });
    }
    // Embedded PGlite is this process's alone, so runs it finds 'running' were orphaned by a crash.
    await jobs
      .start(deps, options.jobDefinitions, { exclusive: database.kind === 'pglite' })
      .catch(async (error) => {
        await jobs.close();
        throw error;
      });
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
        checkPermission: bind(deps, checkPermission),
        syncRoles: bind(deps, syncAccountRoles),
        getLanguage: bind(deps, getLanguage),
        setLanguage: bind(deps, setLanguage),
      },
      ledger: {
        getBalance: bind(deps, getBalance),
        requestFaucet: bind(deps, requestFaucet),
        transfer: bind(deps, transfer),
        listEarningsSince: bind(deps, listEarningsSince),
        earningsOverTime: bind(deps, getEarningsOverTime),
      },
      notifications: {
        listAccountEvents: bind(deps, listAccountEvents),
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
        leaderboard: bind(deps, getContributorLeaderboard),
        preview: bind(deps, previewDataset),
        activity: bind(deps, getDatanetActivity),
      },
      validation: {
        stake: bind(deps, stakeAsValidator),
        unstake: bind(deps, unstakeAsValidator),
        vote: bind(deps, castVote),
        reviewQueue: bind(deps, listReviewQueue),
        status: bind(deps, getValidatorStatus),
        leaderboard: bind(deps, getValidatorLeaderboard),
        seedGold: bind(deps, seedGoldItems),
        closeExpired: (input: Parameters<typeof closeExpiredReviews>[1] = {}) =>
          closeExpiredReviews(deps, input),
      },
      training: {
        start: bind(deps, startTrainingRun),
        get: bind(deps, getTrainingRun),
        list: (input: Parameters<typeof listTrainingRuns>[1] = {}) => listTrainingRuns(deps, input),
        cancel: bind(deps, cancelTrainingRun),
        watch: (input: Parameters<typeof watchTrainingRun>[1]) => watchTrainingRun(deps, input),
        listBaseModels: () => listBaseModels(deps),
      },
      // A model's page shows what its paid calls paid: inference knows that, models does not.
      models: {
        publish: async (input: Parameters<typeof publishModel>[1]) => {
          const { model, replayed } = await publishModel(deps, input);
          const [shown] = await withUsage(deps.sql, [model]);
          return { model: shown, replayed };
        },
        get: async (input: Parameters<typeof getModel>[1]) =>
          (await withUsage(deps.sql, [await getModel(deps, input)]))[0],
        list: async (input: Parameters<typeof listModels>[1] = {}) =>
          withUsage(deps.sql, await listModels(deps, input)),
      },
      inference: {
        invoke: timedPaidCall(metrics, bind(deps, invokeModel)),
        getReceipt: bind(deps, getReceipt),
        anchorReceipts: (input: Parameters<typeof anchorReceipts>[1] = {}) => anchorReceipts(deps, input),
      },
      ...bindChainUseCases(deps),
      ...bindWalletPageUseCases(deps),
      jobs,
      metrics,
      /**
       * Stops the jobs (running ones are asked to stop at a checkpoint and get `deadlineMs`,
       * SHUTDOWN_DEADLINE_SECONDS by default, to do so), then releases every port.
       */
      async close(options: { deadlineMs?: number } = {}) {
        if (closed) return;
        closed = true;
        const deadlineMs = options.deadlineMs ?? config.operations.shutdownDeadlineMs;
        if (!(await finishesWithin(jobs.close(), deadlineMs)))
          log.warn('shutdown deadline passed with jobs still running; they resume on the next start', {
            deadlineMs,
          });
        await deps.inference.close();
        await deps.contributionChecks.close();
        await modelRuntime.close();
        await deps.neural?.close();
        await chain?.close();
        await database.close();
      },
    };
  } catch (error) {
    await chain?.close();
    await database.close();
    throw error;
  }
}
