import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

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
  .transform((v) => BigInt(v));
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine(
      (v) => protocols.some((p) => v.startsWith(`${p}:`)),
      `must start with ${protocols.join(': or ')}:`,
    );

const ONE_TOKEN = 10n ** 18n;

export const envSchema = z.object({
  POTLUCK_DATA_DIR: z.string().min(1).default('.potluck'),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: int(0, 65535).default(8787),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

  DEV_FAUCET_ENABLED: bool.default(false),
  DEV_FAUCET_AMOUNT: amount.default(100n * ONE_TOKEN),

  MAX_CONTRIBUTION_BYTES: int(1, 10 * 1024 * 1024).default(64 * 1024),
  MAX_FILE_BYTES: int(1, 64 * 1024 * 1024).default(2 * 1024 * 1024),
  MAX_BATCH_ITEMS: int(1, 100_000).default(1000),
  MIN_CONTRIBUTION_CHARS: int(1, 10_000).default(1),
  NEAR_DUPLICATE_THRESHOLD: z.coerce.number().min(0.5).max(1).default(0.8),
  LINK_CODE_TTL_SECONDS: int(30, 86_400).default(600),

  DEFAULT_DEPOSIT: amount.default(1n * ONE_TOKEN),
  DEFAULT_MIN_STAKE: amount.default(10n * ONE_TOKEN),
  DEFAULT_QUORUM_VOTES: int(1, 1000).default(2),
  DEFAULT_APPROVAL_BPS: int(5001, 10_000).default(6667),
  DEFAULT_DAILY_ITEMS: int(1, 1_000_000).default(500),
  DEFAULT_DAILY_BYTES: int(1, 1024 * 1024 * 1024).default(5 * 1024 * 1024),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  http: { host: string; port: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  faucet: { enabled: boolean; amount: bigint };
  limits: {
    maxContributionBytes: number;
    maxFileBytes: number;
    maxBatchItems: number;
    minContributionChars: number;
    nearDuplicateThreshold: number;
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
  return {
    dataDir: path.resolve(e.POTLUCK_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    logLevel: e.LOG_LEVEL,
    faucet: { enabled: e.DEV_FAUCET_ENABLED, amount: e.DEV_FAUCET_AMOUNT },
    limits: {
      maxContributionBytes: e.MAX_CONTRIBUTION_BYTES,
      maxFileBytes: e.MAX_FILE_BYTES,
      maxBatchItems: e.MAX_BATCH_ITEMS,
      minContributionChars: e.MIN_CONTRIBUTION_CHARS,
      nearDuplicateThreshold: e.NEAR_DUPLICATE_THRESHOLD,
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
  };
}

/** Service URLs for test suites; unset means embedded PGlite and the in-process queue. */
export function loadTestServices(env: Record<string, string | undefined> = process.env): {
  databaseUrl?: string;
  redisUrl?: string;
} {
  return { databaseUrl: env.TEST_DATABASE_URL || undefined, redisUrl: env.TEST_REDIS_URL || undefined };
}
