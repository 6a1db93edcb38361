import type { AnchoringIntake } from '../anchoring/anchoringIntake.ts';
import type { ChainPort } from '../chain/openChain.ts';
import type { Config } from '../config.ts';
import type { ContributionCheckPool } from '../contributions/prepareItems.ts';
import type { ContributionCountsOf } from '../datanets/datanetStore.ts';
import type { Sql } from '../db/openDatabase.ts';
import type { InferenceMemory } from '../inference/inferenceMemory.ts';
import type { PostingBatcher } from '../ledger/postBatched.ts';
import type { SystemAccounts } from '../ledger/systemAccounts.ts';
import type { ModelRuntime } from '../ml/modelRuntime.ts';
import type { NeuralRuntime } from '../ml/serving/neuralRuntime.ts';
import type { JobQueue } from '../queue/jobQueue.ts';
import type { Logger } from './createLogger.ts';

/** What every use case receives: the ports it may touch, nothing global. */
export interface Deps {
  sql: Sql;
  config: Config;
  system: SystemAccounts;
  log: Logger;
  /** Injected so tests can move time (link-code expiry, daily quotas). */
  now: () => Date;
  /** Background work: in process, or BullMQ on Redis. */
  jobs: JobQueue;
  /** Trained models served from memory, loaded from the artifact store by hash. */
  modelRuntime: ModelRuntime;
  /** LoRA models: artifacts, the adapter pool and influence; absent where the app serves none. */
  neural?: NeuralRuntime;
  /** The EVM chain with the Potluck contracts; absent when the app runs without one. */
  chain?: ChainPort;
  /** Inference's per-app memory: immutable facts, the paid-call limit, the settlement batcher. */
  inference: InferenceMemory;
  /** Anchoring's intake: contributions, outcomes, datanets and account refs queued in the writer's transaction. */
  anchoring: AnchoringIntake;
  /** Contributions' per-datanet counts, lent to datanets' summaries (see ContributionCountsOf). */
  contributionCounts: ContributionCountsOf;
  /** The ledger's group commit for concurrent keyed postings (transfers), one per connection pool. */
  postings: PostingBatcher;
  /** Worker threads for contribution checks, started on the first large batch. */
  contributionChecks: ContributionCheckPool;
}
