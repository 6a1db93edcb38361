import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';
import type { AdapterPoolOptions } from './ml/serving/adapterPoolOptions.ts';
import { MAX_AMOUNT } from './shared/amount.ts';

/**
 * The only reader of `process.env`. Everything else receives a `Config` (or a slice of it), so
 * tests can build one without touching the environment.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** Token amounts in base units (18 decimals) as decimal strings. */
const amount = z
  .string()
  .regex(/^\d{1,78}$/, 'must be a whole number of base units (digits only)')
  .transform((v) => BigInt(v))
  .pipe(z.bigint().max(MAX_AMOUNT, 'must be at most 2^256−1 base units'));
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine(
      (v) => protocols.some((p) => v.startsWith(`${p}:`)),
      `must start with ${protocols.join(': or ')}:`,
    );

const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address')
  .transform((v) => v as `0x${string}`);

const ONE_TOKEN = 10n ** 18n;
const snowflake = z
  .string()
  .regex(/^\d{15,25}$/, 'must be a Discord id (digits; copy it with Developer Mode on)');

const envSchema = z.object({
  POTLUCK_DATA_DIR: z.string().min(1).default('.potluck'),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: int(0, 65535).default(8787),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * On SIGTERM: stop taking work, then give requests and jobs in flight this long to finish before
   * closing. Below most supervisors' kill timeout (Kubernetes 30 s, systemd 90 s, Docker 10 s).
   */
  SHUTDOWN_DEADLINE_SECONDS: int(1, 3600).default(25),
  /** GET /health/ready fails once a chain outbox row waits unconfirmed longer than this. */
  READY_OUTBOX_STUCK_SECONDS: int(10, 30 * 86_400).default(900),

  DEV_FAUCET_ENABLED: bool.default(false),
  DEV_FAUCET_AMOUNT: amount.default(100n * ONE_TOKEN),

  MAX_CONTRIBUTION_BYTES: int(1, 10 * 1024 * 1024).default(64 * 1024),
  MAX_FILE_BYTES: int(1, 64 * 1024 * 1024).default(2 * 1024 * 1024),
  MAX_BATCH_ITEMS: int(1, 100_000).default(1000),
  MIN_CONTRIBUTION_CHARS: int(1, 10_000).default(1),
  NEAR_DUPLICATE_THRESHOLD: z.coerce.number().min(0.5).max(1).default(0.8),
  /** Contributions' MinHash signatures kept in memory for the near-duplicate check (~800 B each); 0: none. */
  NEAR_DUPLICATE_CACHE_SIZE: int(0, 10_000_000).default(50_000),
  LINK_CODE_TTL_SECONDS: int(30, 86_400).default(600),

  DEFAULT_DEPOSIT: amount.default(1n * ONE_TOKEN),
  DEFAULT_MIN_STAKE: amount.default(10n * ONE_TOKEN),
  DEFAULT_QUORUM_VOTES: int(1, 1000).default(2),
  DEFAULT_APPROVAL_BPS: int(5001, 10_000).default(6667),
  DEFAULT_DAILY_ITEMS: int(1, 1_000_000).default(500),
  DEFAULT_DAILY_BYTES: int(1, 1024 * 1024 * 1024).default(5 * 1024 * 1024),

  // Chain. Without CHAIN_RPC_URL the service runs an embedded EVM and deploys the contracts itself.
  CHAIN_RPC_URL: url(['http', 'https']).optional(),
  CHAIN_PRIVATE_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key')
    .optional(),
  CHAIN_ID: int(1, 2 ** 53 - 1).default(31337),
  CHAIN_CONFIRMATIONS: int(1, 1000).default(1),
  CHAIN_TOKEN_ADDRESS: address.optional(),
  CHAIN_REGISTRY_ADDRESS: address.optional(),
  CHAIN_VAULT_ADDRESS: address.optional(),
  /** First block the event watcher scans on a real chain (the deployment block from `potluck deploy`). */
  CHAIN_START_BLOCK: int(0, Number.MAX_SAFE_INTEGER).default(0),
  CHAIN_LOG_BLOCK_RANGE: int(1, 100_000).default(2000),
  /** EIP-1559 fee caps in wei; unset lets the node suggest them. */
  CHAIN_MAX_FEE_PER_GAS: amount.optional(),
  CHAIN_MAX_PRIORITY_FEE_PER_GAS: amount.optional(),
  /** Headroom added to every gas estimate, in basis points. */
  CHAIN_GAS_BUFFER_BPS: int(0, 50_000).default(2000),
  CHAIN_RECEIPT_TIMEOUT_MS: int(1000, 3_600_000).default(120_000),
  CHAIN_POLL_MS: int(10, 600_000).default(2000),
  /** `potluck chain`: where the cluster's one development chain node listens for JSON-RPC. */
  CHAIN_NODE_HOST: z.string().min(1).default('127.0.0.1'),
  CHAIN_NODE_PORT: int(0, 65535).default(8545),
  EPOCH_SECONDS: int(1, 30 * 86_400).default(3600),
  OUTBOX_BATCH_SIZE: int(1, 65_535).default(256),
  /** A smaller batch is cut once its oldest item has waited this long (gas per item vs. proof latency). */
  OUTBOX_BATCH_MAX_WAIT_SECONDS: int(0, 86_400).default(60),
  OUTBOX_RETRY_BASE_MS: int(1, 3_600_000).default(1000),
  OUTBOX_RETRY_MAX_MS: int(1, 86_400_000).default(300_000),

  SIWE_DOMAIN: z.string().min(1).default('localhost'),
  SIWE_URI: z.string().url().default('http://localhost'),
  SIWE_STATEMENT: z.string().max(500).default('Link this wallet to my Potluck account.'),
  SIWE_EXPIRY_SECONDS: int(30, 86_400).default(600),
  /** Public base URL of this server's HTTP face, for wallet and receipt page links; default SIWE_URI. */
  PUBLIC_URL: url(['https', 'http']).optional(),
  /**
   * A public JSON-RPC URL of the chain the claim page offers to wallets that lack it
   * (wallet_addEthereumChain); never CHAIN_RPC_URL's, which may carry a key. Unset: not offered.
   */
  WALLET_PAGE_RPC_URL: url(['https', 'http']).optional(),

  // Jobs. Without REDIS_URL they run in process; with it, on BullMQ workers (`potluck worker`).
  JOB_CONCURRENCY: int(1, 64).default(2),
  JOB_ATTEMPTS: int(1, 100).default(5),
  /** First retry delay; it doubles on each further attempt. */
  JOB_BACKOFF_MS: int(10, 3_600_000).default(2000),
  /** BullMQ job lock: a worker silent this long (killed, hung) has its job handed to another. */
  JOB_LOCK_MS: int(500, 3_600_000).default(30_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'letters, digits, _ . - only')
    .default('potluck'),
  /** Whether `potluck start` also runs the job processors (always true without Redis). */
  JOBS_IN_START: bool.default(true),
  /** A running training run whose worker has not reported for this long is taken over by another. */
  TRAINING_STALE_MS: int(1000, 86_400_000).default(60_000),

  MODEL_CACHE_SIZE: int(1, 1000).default(8),
  /**
   * Where trained artifacts live: `filesystem` (<data dir>/artifacts, one machine) or `postgres`
   * (content-addressed chunks in DATABASE_URL, so any process of the cluster can load any model).
   */
  ARTIFACT_STORE: z.enum(['filesystem', 'postgres']).default('filesystem'),
  /** The operator's base models (`<name>.gguf` files, transformers.js folders); unset: <data dir>/base-models. */
  BASE_MODELS_DIR: z.string().min(1).optional(),
  MAX_PROMPT_CHARS: int(1, 1_000_000).default(4000),
  MAX_ANSWER_TOKENS: int(1, 100_000).default(256),
  /** A fee reserved this long ago whose call never settled (a crashed process) goes back to the caller. */
  RESERVATION_TIMEOUT_SECONDS: int(10, 86_400).default(300),
  /** Paid model calls one account may make per minute (burst and sustained), on every surface together. */
  PAID_CALLS_PER_MINUTE: int(1, 1_000_000).default(60),

  // LoRA serving (src/ml/serving/adapterPool.ts): adapter contexts on shared base models.
  /** Adapter contexts kept hot (each holds a KV cache: ~9 MB per 256 tokens on a 135M model). */
  LORA_MAX_CONTEXTS: int(1, 10_000).default(16),
  /** Distinct adapters on one loaded base before a fresh instance of it takes new ones (adapter weights are freed only with the model). */
  LORA_MAX_ADAPTERS_PER_BASE: int(1, 1_000_000).default(256),
  /** A hot adapter context unused this long is released. */
  LORA_IDLE_MS: int(1000, 86_400_000).default(600_000),
  /** Tokens per adapter context: prompt plus answer must fit. */
  LORA_CONTEXT_SIZE: int(64, 131_072).default(512),
  /** Prompt tokens per batch: sizes each context's compute buffer. */
  LORA_BATCH_SIZE: int(8, 131_072).default(64),
  /** llama.cpp threads per generation (more than 1 per context contends badly on small CPUs). */
  LORA_THREADS: int(1, 256).default(1),
  /** Generations at once over all adapters (the CPU budget); unset: the number of CPUs. */
  LORA_MAX_PARALLEL: int(1, 1024).optional(),
  /** β: the share of a neural answer's data fee split by gradient influence, the rest by spans. */
  INFLUENCE_WEIGHT: z.coerce.number().min(0).max(1).default(0.5),
  /** Influence not computed within this budget is settled later from escrow by a job. */
  INFLUENCE_BUDGET_MS: int(0, 600_000).default(2000),
  /**
   * TracIn checkpoints a LoRA run keeps gradient features at, the final adapter included: each one
   * multiplies influence's cost per call (see README on the trade-off against faithfulness).
   */
  INFLUENCE_CHECKPOINTS: int(1, 8).default(1),

  // Telegram bot: runs inside `potluck start` (or alone: `potluck telegram`) when TELEGRAM_TOKEN is set.
  TELEGRAM_TOKEN: z
    .string()
    .regex(/^\d{1,20}:[\w-]{20,100}$/, 'must be the bot token from @BotFather, like 123456:AAH...')
    .optional(),
  /** Bot API server; a self-hosted telegram-bot-api (or a test fake) sits here. */
  TELEGRAM_API_ROOT: url(['http', 'https']).default('https://api.telegram.org'),
  /** Set to receive updates by webhook (servers); unset means long polling (one instance). */
  TELEGRAM_WEBHOOK_URL: url(['https', 'http']).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  /** The Telegram bot's @username (without @): Discord's /link then offers a t.me deep link to it. */
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be the bot username from @BotFather, like PotluckBot')
    .optional(),
  /** Earnings notifications are batched: at most one per user per this many seconds, with the sum. */
  TELEGRAM_NOTIFY_INTERVAL_SECONDS: int(1, 7 * 86_400).default(900),
  /**
   * Activity notifications in both bots (a contribution decided, a training run finished, tokens to
   * claim), opt-in with /notifications: each message batches what happened since the last, and a
   * person gets at most NOTIFY_MAX_MESSAGES of them per NOTIFY_WINDOW_SECONDS; the rest waits.
   */
  NOTIFY_MAX_MESSAGES: int(1, 1000).default(4),
  NOTIFY_WINDOW_SECONDS: int(60, 7 * 86_400).default(3600),
  /** How often each bot looks for activity to tell; 0 = never by itself (tests run passes). */
  NOTIFY_POLL_MS: int(0, 3_600_000).default(30_000),
  /** Block explorer for transaction links in bot messages (`<url>/tx/<hash>`); unset shows bare hashes. */
  CHAIN_EXPLORER_URL: url(['https', 'http']).optional(),

  // MCP server: `potluck mcp` (stdio, or --http) and /mcp on the service's HTTP server.
  /** The account `potluck mcp` over stdio acts for; unset means a read-only guest. */
  POTLUCK_API_KEY: z.string().min(1).max(200).optional(),
  /** Host names (no port) the MCP HTTP endpoint answers to, comma-separated; `*` turns the check off. */
  MCP_ALLOWED_HOSTS: z.string().optional(),
  /** Browser origins allowed to call it, comma-separated; unset means origins on an allowed host. */
  MCP_ALLOWED_ORIGINS: z.string().optional(),
  MCP_MAX_REQUEST_BYTES: int(1024, 256 * 1024 * 1024).default(4 * 1024 * 1024),
  MCP_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(600),

  // Discord bot: runs inside `potluck start` (or alone: `potluck discord`) when DISCORD_TOKEN is set.
  DISCORD_TOKEN: z
    .string()
    .regex(
      /^[\w-]+\.[\w-]+\.[\w-]+$/,
      'must be the bot token from the Discord developer portal (three dot-separated parts)',
    )
    .optional(),
  /** Unset: read from the token's application when registering commands. */
  DISCORD_APPLICATION_ID: snowflake.optional(),
  /** Register commands in this guild only (instant, for one community); unset registers them globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** REST base; a proxy (or a test fake) sits here. The gateway URL is asked from it. */
  DISCORD_API_URL: url(['http', 'https']).default('https://discord.com/api'),
  /** Where new contributions of every datanet are posted for review, unless mapped below. */
  DISCORD_REVIEW_CHANNEL_ID: snowflake.optional(),
  /** Per-datanet review channels: `Persian Poetry=123…,42=456…` (datanet name or id = channel id). */
  DISCORD_REVIEW_CHANNELS: z.string().optional(),
  /** How often the bot looks for contributions to post and decisions to show (any surface makes them). */
  DISCORD_REVIEW_POLL_MS: int(50, 600_000).default(5000),
  /** How often a training progress message is refreshed (Discord rate-limits message edits). */
  DISCORD_PROGRESS_MS: int(50, 60_000).default(1500),
  /**
   * Who may do what, by role: `datanet.create=Datanet Admins,1234…;model.publish=Developers`.
   * A permission not listed is open to everyone. Roles match by name (any case) or id.
   */
  ROLE_PERMISSIONS: z.string().optional(),
});

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  http: { host: string; port: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  operations: { shutdownDeadlineMs: number; outboxStuckSeconds: number };
  faucet: { enabled: boolean; amount: bigint };
  limits: {
    maxContributionBytes: number;
    maxFileBytes: number;
    maxBatchItems: number;
    minContributionChars: number;
    nearDuplicateThreshold: number;
    nearDuplicateCacheSize: number;
    linkCodeTtlSeconds: number;
  };
  datanetDefaults: {
    deposit: bigint;
    minStake: bigint;
    quorumVotes: number;
    approvalBps: number;
    dailyItems: number;
    dailyBytes: number;
  };
  chain: {
    /** Unset: the embedded in-process chain. */
    rpcUrl?: string;
    /** Signs outbox writes on a real chain. Never logged: the logger redacts `privateKey` fields. */
    privateKey?: `0x${string}`;
    chainId: number;
    confirmations: number;
    addresses?: { token: `0x${string}`; registry: `0x${string}`; vault: `0x${string}` };
    startBlock: bigint;
    logBlockRange: bigint;
    maxFeePerGas?: bigint;
    maxPriorityFeePerGas?: bigint;
    gasBufferBps: number;
    receiptTimeoutMs: number;
    pollMs: number;
  };
  /** `potluck chain` (a development chain node for a cluster). */
  chainNode: { host: string; port: number };
  /** The artifact store's backend (ARTIFACT_STORE). */
  artifacts: { backend: 'filesystem' | 'postgres' };
  epochSeconds: number;
  outbox: { batchSize: number; batchMaxWaitSeconds: number; retryBaseMs: number; retryMaxMs: number };
  siwe: { domain: string; uri: string; statement: string; expirySeconds: number };
  /** The wallet and receipt pages: links start at `publicUrl`; transactions link to `explorerUrl`. */
  walletPage: { publicUrl: string; explorerUrl?: string; publicRpcUrl?: string };
  jobs: {
    concurrency: number;
    attempts: number;
    backoffMs: number;
    lockMs: number;
    queuePrefix: string;
    /** Run processors inside `potluck start` (forced on without Redis, where nothing else would). */
    inStart: boolean;
  };
  training: { staleMs: number; modelCacheSize: number; baseModelsDir: string; influenceCheckpoints: number };
  inference: {
    maxPromptChars: number;
    maxAnswerTokens: number;
    reservationTimeoutSeconds: number;
    paidCallsPerMinute: number;
  };
  /** The adapter pool's options (one definition, in src/ml/serving) plus how influence is used. */
  serving: AdapterPoolOptions & { influenceWeight: number; influenceBudgetMs: number };
  /** Activity notifications (both bots): the rate limit and how often they are looked for. */
  notifications: { maxMessages: number; windowSeconds: number; pollMs: number };
  telegram: TelegramConfig;
  mcp: McpConfig;
  discord: DiscordConfig;
  /** Permission → the roles that hold it; a permission absent here is open to everyone. */
  rolePermissions: Partial<Record<Permission, string[]>>;
}

/** Parses the environment; a bad variable gives one message naming every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset so `FOO=` in a .env file means "use the default".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('BAD_CONFIG', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  const e = parsed.data;
  const chainProblems = [
    e.CHAIN_RPC_URL && !e.CHAIN_PRIVATE_KEY && 'CHAIN_PRIVATE_KEY: required with CHAIN_RPC_URL',
    [e.CHAIN_TOKEN_ADDRESS, e.CHAIN_REGISTRY_ADDRESS, e.CHAIN_VAULT_ADDRESS].filter(Boolean).length % 3 !==
      0 && 'CHAIN_TOKEN_ADDRESS, CHAIN_REGISTRY_ADDRESS, CHAIN_VAULT_ADDRESS: set all three or none',
  ].filter((p): p is string => typeof p === 'string');
  if (chainProblems.length > 0) {
    throw new AppError('BAD_CONFIG', `Invalid configuration:\n  ${chainProblems.join('\n  ')}`, {
      problems: chainProblems,
    });
  }
  return {
    dataDir: path.resolve(e.POTLUCK_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    logLevel: e.LOG_LEVEL,
    operations: {
      shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_SECONDS * 1000,
      outboxStuckSeconds: e.READY_OUTBOX_STUCK_SECONDS,
    },
    faucet: { enabled: e.DEV_FAUCET_ENABLED, amount: e.DEV_FAUCET_AMOUNT },
    limits: {
      maxContributionBytes: e.MAX_CONTRIBUTION_BYTES,
      maxFileBytes: e.MAX_FILE_BYTES,
      maxBatchItems: e.MAX_BATCH_ITEMS,
      minContributionChars: e.MIN_CONTRIBUTION_CHARS,
      nearDuplicateThreshold: e.NEAR_DUPLICATE_THRESHOLD,
      nearDuplicateCacheSize: e.NEAR_DUPLICATE_CACHE_SIZE,
      linkCodeTtlSeconds: e.LINK_CODE_TTL_SECONDS,
    },
    datanetDefaults: {
      deposit: e.DEFAULT_DEPOSIT,
      minStake: e.DEFAULT_MIN_STAKE,
      quorumVotes: e.DEFAULT_QUORUM_VOTES,
      approvalBps: e.DEFAULT_APPROVAL_BPS,
      dailyItems: e.DEFAULT_DAILY_ITEMS,
      dailyBytes: e.DEFAULT_DAILY_BYTES,
    },
    chain: withHiddenKey(e.CHAIN_PRIVATE_KEY as `0x${string}` | undefined, {
      rpcUrl: e.CHAIN_RPC_URL,
      chainId: e.CHAIN_ID,
      confirmations: e.CHAIN_CONFIRMATIONS,
      addresses:
        e.CHAIN_TOKEN_ADDRESS && e.CHAIN_REGISTRY_ADDRESS && e.CHAIN_VAULT_ADDRESS
          ? { token: e.CHAIN_TOKEN_ADDRESS, registry: e.CHAIN_REGISTRY_ADDRESS, vault: e.CHAIN_VAULT_ADDRESS }
          : undefined,
      startBlock: BigInt(e.CHAIN_START_BLOCK),
      logBlockRange: BigInt(e.CHAIN_LOG_BLOCK_RANGE),
      maxFeePerGas: e.CHAIN_MAX_FEE_PER_GAS,
      maxPriorityFeePerGas: e.CHAIN_MAX_PRIORITY_FEE_PER_GAS,
      gasBufferBps: e.CHAIN_GAS_BUFFER_BPS,
      receiptTimeoutMs: e.CHAIN_RECEIPT_TIMEOUT_MS,
      pollMs: e.CHAIN_POLL_MS,
    }),
    chainNode: { host: e.CHAIN_NODE_HOST, port: e.CHAIN_NODE_PORT },
    artifacts: { backend: e.ARTIFACT_STORE },
    epochSeconds: e.EPOCH_SECONDS,
    notifications: {
      maxMessages: e.NOTIFY_MAX_MESSAGES,
      windowSeconds: e.NOTIFY_WINDOW_SECONDS,
      pollMs: e.NOTIFY_POLL_MS,
    },
    outbox: {
      batchSize: e.OUTBOX_BATCH_SIZE,
      batchMaxWaitSeconds: e.OUTBOX_BATCH_MAX_WAIT_SECONDS,
      retryBaseMs: e.OUTBOX_RETRY_BASE_MS,
      retryMaxMs: e.OUTBOX_RETRY_MAX_MS,
    },
    siwe: {
      domain: e.SIWE_DOMAIN,
      uri: e.SIWE_URI,
      statement: e.SIWE_STATEMENT,
      expirySeconds: e.SIWE_EXPIRY_SECONDS,
    },
    walletPage: {
      publicUrl: (e.PUBLIC_URL ?? e.SIWE_URI).replace(/\/+$/, ''),
      explorerUrl: e.CHAIN_EXPLORER_URL?.replace(/\/+$/, ''),
      publicRpcUrl: e.WALLET_PAGE_RPC_URL,
    },
    jobs: {
      concurrency: e.JOB_CONCURRENCY,
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      lockMs: e.JOB_LOCK_MS,
      queuePrefix: e.QUEUE_PREFIX,
      inStart: e.JOBS_IN_START || !e.REDIS_URL,
    },
    training: {
      staleMs: e.TRAINING_STALE_MS,
      modelCacheSize: e.MODEL_CACHE_SIZE,
      baseModelsDir: path.resolve(e.BASE_MODELS_DIR ?? path.join(e.POTLUCK_DATA_DIR, 'base-models')),
      influenceCheckpoints: e.INFLUENCE_CHECKPOINTS,
    },
    inference: {
      maxPromptChars: e.MAX_PROMPT_CHARS,
      maxAnswerTokens: e.MAX_ANSWER_TOKENS,
      reservationTimeoutSeconds: e.RESERVATION_TIMEOUT_SECONDS,
      paidCallsPerMinute: e.PAID_CALLS_PER_MINUTE,
    },
    serving: {
      maxContexts: e.LORA_MAX_CONTEXTS,
      maxAdaptersPerBase: e.LORA_MAX_ADAPTERS_PER_BASE,
      idleMs: e.LORA_IDLE_MS,
      contextSize: e.LORA_CONTEXT_SIZE,
      batchSize: e.LORA_BATCH_SIZE,
      threads: e.LORA_THREADS,
      maxParallel: e.LORA_MAX_PARALLEL ?? Math.max(1, os.availableParallelism()),
      influenceWeight: e.INFLUENCE_WEIGHT,
      influenceBudgetMs: e.INFLUENCE_BUDGET_MS,
    },
    telegram: telegramConfig(e),
    mcp: mcpConfig(e),
    discord: discordConfig(e),
    rolePermissions: parseRolePermissions(e.ROLE_PERMISSIONS),
  };
}

export interface TelegramConfig {
  /** Unset: no Telegram bot. Non-enumerable, so logging or serialising the config never shows it. */
  token?: string;
  /** No trailing slash: grammy refuses one. */
  apiRoot: string;
  /** Webhook mode; `path` is the route the HTTP server serves (the URL's path, behind a proxy). */
  webhook?: { url: string; path: string; secret: string };
  notifyIntervalSeconds: number;
  /** CHAIN_EXPLORER_URL without a trailing slash: transaction links when set. */
  explorerUrl?: string;
  /** TELEGRAM_BOT_USERNAME without the @: other surfaces link to t.me/<it>. */
  botUsername?: string;
}

function telegramConfig(e: z.output<typeof envSchema>): TelegramConfig {
  const problems = [
    e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_TOKEN && 'TELEGRAM_TOKEN: required with TELEGRAM_WEBHOOK_URL',
    // Without a secret, anyone who learns the URL could post updates in any user's name.
    e.TELEGRAM_WEBHOOK_URL &&
      !e.TELEGRAM_WEBHOOK_SECRET &&
      'TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL (16+ random characters)',
    e.TELEGRAM_WEBHOOK_URL &&
      ['/', '/health'].includes(new URL(e.TELEGRAM_WEBHOOK_URL).pathname) &&
      'TELEGRAM_WEBHOOK_URL: needs a path of its own, like https://bot.example.org/telegram/webhook',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    throw new AppError('BAD_CONFIG', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  let webhook: TelegramConfig['webhook'];
  if (e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET) {
    const url = e.TELEGRAM_WEBHOOK_URL;
    webhook = Object.defineProperty({ url, path: new URL(url).pathname }, 'secret', {
      value: e.TELEGRAM_WEBHOOK_SECRET,
      enumerable: false,
    }) as TelegramConfig['webhook'];
  }
  const config = {
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    webhook,
    notifyIntervalSeconds: e.TELEGRAM_NOTIFY_INTERVAL_SECONDS,
    botUsername: e.TELEGRAM_BOT_USERNAME?.replace(/^@/, ''),
    explorerUrl: e.CHAIN_EXPLORER_URL?.replace(/\/+$/, ''),
  };
  return Object.defineProperty(config, 'token', { value: e.TELEGRAM_TOKEN, enumerable: false });
}

/**
 * The signing key rides on the config as a non-enumerable property: code that needs it reads it, but
 * logging or serialising the config (JSON.stringify, util.inspect, spreads) never shows it.
 */
function withHiddenKey(
  privateKey: `0x${string}` | undefined,
  rest: Omit<Config['chain'], 'privateKey'>,
): Config['chain'] {
  return Object.defineProperty(rest, 'privateKey', {
    value: privateKey,
    enumerable: false,
  }) as Config['chain'];
}

export interface McpConfig {
  /** For stdio only. Non-enumerable, so logging or serialising the config never shows it. */
  apiKey?: string;
  /** Host names (lowercase, IPv6 in brackets) the HTTP endpoint accepts; `'*'` accepts any. */
  allowedHosts: string[] | '*';
  /** Empty: any origin whose host is allowed. */
  allowedOrigins: string[];
  maxRequestBytes: number;
  rateLimitPerMinute: number;
}

function mcpConfig(e: z.output<typeof envSchema>): McpConfig {
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean);
  // Loopback names always; the bound host too unless it is a wildcard (then name them explicitly).
  const bound = e.HTTP_HOST.toLowerCase();
  const defaults = ['localhost', '127.0.0.1', '[::1]'];
  if (!['0.0.0.0', '::', '[::]'].includes(bound)) defaults.push(bound.includes(':') ? `[${bound}]` : bound);
  const hosts = list(e.MCP_ALLOWED_HOSTS);
  const config: McpConfig = {
    allowedHosts: hosts.includes('*') ? '*' : hosts.length > 0 ? hosts : [...new Set(defaults)],
    allowedOrigins: list(e.MCP_ALLOWED_ORIGINS),
    maxRequestBytes: e.MCP_MAX_REQUEST_BYTES,
    rateLimitPerMinute: e.MCP_RATE_LIMIT_PER_MINUTE,
  };
  return Object.defineProperty(config, 'apiKey', { value: e.POTLUCK_API_KEY, enumerable: false });
}

export interface DiscordConfig {
  /** Unset: no Discord bot. Non-enumerable, so logging or serialising the config never shows it. */
  token?: string;
  applicationId?: string;
  guildId?: string;
  apiUrl: string;
  review: {
    defaultChannelId?: string;
    /** Datanet name (lowercase) or id → channel id. */
    channels: Record<string, string>;
    pollMs: number;
  };
  progressMs: number;
}

function discordConfig(e: z.output<typeof envSchema>): DiscordConfig {
  const channels: Record<string, string> = {};
  const problems: string[] = [];
  for (const entry of (e.DISCORD_REVIEW_CHANNELS ?? '').split(',').filter((x) => x.trim())) {
    const [datanet, channel] = entry.split('=').map((x) => x?.trim());
    if (!datanet || !channel || !/^\d{15,25}$/.test(channel)) {
      problems.push(`DISCORD_REVIEW_CHANNELS: "${entry}" should look like Datanet Name=123456789012345678`);
    } else {
      channels[datanet.toLowerCase()] = channel;
    }
  }
  if (problems.length > 0) {
    throw new AppError('BAD_CONFIG', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  const config = {
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
    review: { defaultChannelId: e.DISCORD_REVIEW_CHANNEL_ID, channels, pollMs: e.DISCORD_REVIEW_POLL_MS },
    progressMs: e.DISCORD_PROGRESS_MS,
  };
  return Object.defineProperty(config, 'token', { value: e.DISCORD_TOKEN, enumerable: false });
}

/** Actions a community may reserve for some roles (ROLE_PERMISSIONS). */
export const PERMISSIONS = ['datanet.create', 'datanet.fund', 'train', 'model.publish'] as const;
export type Permission = (typeof PERMISSIONS)[number];

function parseRolePermissions(value: string | undefined): Config['rolePermissions'] {
  const out: Config['rolePermissions'] = {};
  for (const entry of (value ?? '').split(';').filter((x) => x.trim())) {
    const [name, roles = ''] = entry.split('=');
    const permission = name.trim() as Permission;
    if (!PERMISSIONS.includes(permission)) {
      const problem = `ROLE_PERMISSIONS: unknown permission "${name.trim()}"; use ${PERMISSIONS.join(', ')}`;
      throw new AppError('BAD_CONFIG', `Invalid configuration:\n  ${problem}`, { problems: [problem] });
    }
    out[permission] = roles
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  }
  return out;
}

/** The raw environment, for `potluck doctor`, which reports bad variables instead of stopping on them. */
export function readEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}

/** Service URLs for test suites; unset means embedded PGlite and the in-process queue. */
export function loadTestServices(env: Record<string, string | undefined> = process.env): {
  databaseUrl?: string;
  redisUrl?: string;
} {
  return { databaseUrl: env.TEST_DATABASE_URL || undefined, redisUrl: env.TEST_REDIS_URL || undefined };
}
