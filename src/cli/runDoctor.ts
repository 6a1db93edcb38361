import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { createPublicClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { type Config, loadConfig } from '../config.ts';
import { openDatabase, redactUrl } from '../db/openDatabase.ts';
import { isAppError } from '../errors.ts';

export interface DoctorCheck {
  name: string;
  ready: boolean;
  detail: string;
  /** What to do when it is not ready. */
  fix?: string;
}

type Env = Record<string, string | undefined>;
const TIMEOUT_MS = 3000;

/**
 * `potluck doctor`: one line per check, ready or not and what to do; exit 0 when everything that is
 * configured is ready. Takes the raw environment because a bad variable must be reported, not thrown:
 * the other checks run on what is left. Tokens and passwords are never printed.
 */
export async function runDoctor(options: { env: Env; write?: (text: string) => void }): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const checks = await doctorChecks(options.env);
  write('potluck doctor\n');
  for (const c of checks) {
    write(`  ${(c.ready ? 'ready' : 'NOT READY').padEnd(10)} ${c.name.padEnd(14)} ${c.detail}\n`);
    if (!c.ready && c.fix) write(`  ${''.padEnd(10)} ${''.padEnd(14)} → ${c.fix}\n`);
  }
  const bad = checks.filter((c) => !c.ready).length;
  write(
    bad === 0
      ? 'Everything configured is ready.\n'
      : `${bad} check(s) not ready; fix them and run potluck doctor again.\n`,
  );
  return bad === 0 ? 0 : 1;
}

export async function doctorChecks(rawEnv: Env): Promise<DoctorCheck[]> {
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  const { config, problems } = loadWhatIsValid(env);
  const badVars = new Set(problems.flatMap(variablesIn));
  const checks: DoctorCheck[] = [
    problems.length === 0
      ? { name: 'configuration', ready: true, detail: 'every variable is valid' }
      : {
          name: 'configuration',
          ready: false,
          detail: `${problems.length} problem(s): ${problems.join('; ')}`,
          fix: 'correct or unset them (README.md, Configuration, lists every variable)',
        },
  ];
  if (!config)
    return [
      ...checks,
      { name: 'dependencies', ready: false, detail: 'not checked', fix: 'fix the configuration first' },
    ];
  const invalid = (name: string, vars: string[]): DoctorCheck | null => {
    const hit = vars.filter((v) => badVars.has(v));
    return hit.length
      ? {
          name,
          ready: false,
          detail: `${hit.join(', ')} is invalid (see above)`,
          fix: `fix ${hit.join(', ')}`,
        }
      : null;
  };
  checks.push(invalid('database', ['DATABASE_URL']) ?? (await checkDatabase(config)));
  checks.push(invalid('redis', ['REDIS_URL']) ?? (await checkRedis(config)));
  const chainVars = [
    'CHAIN_RPC_URL',
    'CHAIN_PRIVATE_KEY',
    'CHAIN_ID',
    'CHAIN_TOKEN_ADDRESS',
    'CHAIN_REGISTRY_ADDRESS',
    'CHAIN_VAULT_ADDRESS',
  ];
  checks.push(invalid('chain', chainVars) ?? (await checkChain(config)));
  checks.push(checkDataDir(config), ...checkModels(config));
  checks.push(checkToken('discord', env.DISCORD_TOKEN, discordTokenProblem));
  checks.push(checkToken('telegram', env.TELEGRAM_TOKEN, telegramTokenProblem));
  return checks;
}

/** The config, after dropping each variable loadConfig names as bad, and the problems it named. */
/**
 * Every variable a problem names, also after its colon: "CHAIN_PRIVATE_KEY: required with CHAIN_RPC_URL"
 * is fixed by either, so both are set aside (dropping only the first would fail the same way again).
 */
const variablesIn = (problem: string) => problem.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [];

function loadWhatIsValid(env: Env): { config: Config | null; problems: string[] } {
  const problems: string[] = [];
  const rest = { ...env };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return { config: loadConfig(rest), problems };
    } catch (error) {
      const found = isAppError(error) ? ((error.details.problems as string[] | undefined) ?? []) : [];
      if (found.length === 0)
        return { config: null, problems: [...problems, String((error as Error).message)] };
      problems.push(...found);
      for (const name of found.flatMap(variablesIn)) delete rest[name];
    }
  }
  return { config: null, problems };
}

async function checkDatabase(config: Config): Promise<DoctorCheck> {
  const name = 'database';
  if (config.databaseUrl) {
    const where = redactUrl(config.databaseUrl);
    const sql = postgres(config.databaseUrl, {
      max: 1,
      connect_timeout: TIMEOUT_MS / 1000,
      onnotice: () => {},
    });
    try {
      const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
      return { name, ready: true, detail: `PostgreSQL ${row.version} at ${where}: ${await migrations(sql)}` };
    } catch (error) {
      return {
        name,
        ready: false,
        detail: `cannot use ${where}: ${reason(error)}`,
        fix: 'start PostgreSQL and check DATABASE_URL (user, password, host, port, database)',
      };
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
  const pgdata = path.join(config.dataDir, 'pgdata');
  if (!fs.existsSync(pgdata)) {
    return {
      name,
      ready: true,
      detail: `embedded PGlite: no database yet at ${pgdata}; potluck start creates it`,
    };
  }
  const holder = lockHolder(path.join(pgdata, 'potluck.lock'));
  if (holder !== null) {
    return {
      name,
      ready: false,
      detail: `embedded PGlite at ${pgdata} is in use by process ${holder} (a running potluck); not opened`,
      fix: 'only one process can use the embedded database: stop that one first, or set DATABASE_URL to share PostgreSQL',
    };
  }
  try {
    const db = await openDatabase({ pgliteDataDir: pgdata });
    try {
      return { name, ready: true, detail: `embedded PGlite at ${pgdata}: ${await migrations(db.sql)}` };
    } finally {
      await db.close();
    }
  } catch (error) {
    return {
      name,
      ready: false,
      detail: `embedded PGlite at ${pgdata} did not open: ${reason(error)}`,
      fix: 'move the folder aside (it holds your data: keep it) or point POTLUCK_DATA_DIR elsewhere',
    };
  }
}

/** `select 1`, then how far the schema is migrated (start applies what is missing, so either is ready). */
async function migrations(sql: postgres.Sql): Promise<string> {
  await sql`select 1`;
  const [table] = await sql<{ ok: boolean }[]>`select to_regclass('schema_migrations') is not null as ok`;
  if (!table.ok) return 'select 1 ok; no migrations yet (potluck start applies them)';
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from schema_migrations`;
  return `select 1 ok; ${row.n} migrations applied (potluck start applies any new ones)`;
}

async function checkRedis(config: Config): Promise<DoctorCheck> {
  if (!config.redisUrl) return { name: 'redis', ready: true, detail: 'not configured: jobs run in process' };
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED, auth) says more than the "Connection is closed" connect()
  // rejects with; listening also keeps an unhandled 'error' event from crashing the process.
  let socketError: unknown;
  redis.on('error', (error) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    const pong = await redis.ping();
    return {
      name: 'redis',
      ready: pong === 'PONG',
      detail: `${redactUrl(config.redisUrl)} answered ${pong}`,
    };
  } catch (error) {
    return {
      name: 'redis',
      ready: false,
      detail: `cannot reach ${redactUrl(config.redisUrl)}: ${reason(socketError ?? error)}`,
      fix: 'start Redis and check REDIS_URL, or unset it to run jobs in process',
    };
  } finally {
    redis.disconnect();
  }
}

async function checkChain(config: Config): Promise<DoctorCheck> {
  const c = config.chain;
  if (!c.rpcUrl) {
    return {
      name: 'chain',
      ready: true,
      detail: `embedded EVM (chain ${c.chainId}): runs in process; contracts are deployed at start`,
    };
  }
  const where = redactUrl(c.rpcUrl);
  if (!c.addresses) {
    return {
      name: 'chain',
      ready: false,
      detail: `${where}: no contract addresses configured`,
      fix: 'run potluck deploy and set the CHAIN_*_ADDRESS variables it prints',
    };
  }
  try {
    const client = createPublicClient({ transport: http(c.rpcUrl, { timeout: TIMEOUT_MS, retryCount: 0 }) });
    const chainId = await client.getChainId();
    if (chainId !== c.chainId) {
      return {
        name: 'chain',
        ready: false,
        detail: `${where} serves chain ${chainId}, but CHAIN_ID is ${c.chainId}`,
        fix: 'set CHAIN_ID to the chain you mean, or point CHAIN_RPC_URL at it',
      };
    }
    const missing: string[] = [];
    for (const [contract, address] of Object.entries(c.addresses)) {
      const code = await client.getCode({ address });
      if (!code || code === '0x') missing.push(`${contract} ${address}`);
    }
    if (missing.length > 0) {
      return {
        name: 'chain',
        ready: false,
        detail: `chain ${chainId}: no contract at ${missing.join(', ')}`,
        fix: 'check the CHAIN_*_ADDRESS variables, or run potluck deploy',
      };
    }
    const signer = c.privateKey ? privateKeyToAccount(c.privateKey).address : null;
    const gas = signer ? await client.getBalance({ address: signer }) : 0n;
    if (signer && gas === 0n) {
      return {
        name: 'chain',
        ready: false,
        detail: `chain ${chainId}: contracts found, but the signer ${signer} has no gas`,
        fix: `send some native currency to ${signer}`,
      };
    }
    return {
      name: 'chain',
      ready: true,
      detail: `${where}: chain ${chainId}, token, registry and vault have code; signer ${signer} has gas`,
    };
  } catch (error) {
    return {
      name: 'chain',
      ready: false,
      detail: `cannot use ${where}: ${reason(error)}`,
      fix: 'check CHAIN_RPC_URL, or unset it to run the embedded chain',
    };
  }
}

function checkDataDir(config: Config): DoctorCheck {
  // The nearest existing folder decides whether the data dir can be created or written.
  let dir = config.dataDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    const state = dir === config.dataDir ? 'writable' : `will be created (${dir} is writable)`;
    return { name: 'data dir', ready: true, detail: `${config.dataDir} ${state}` };
  } catch {
    return {
      name: 'data dir',
      ready: false,
      detail: `${config.dataDir}: ${dir} is not writable`,
      fix: 'set POTLUCK_DATA_DIR to a folder this user can write',
    };
  }
}

const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];

/** Base model folders named by trained models' manifests: serving them needs those files on this disk. */
function checkModels(config: Config): DoctorCheck[] {
  const artifacts = path.join(config.dataDir, 'artifacts');
  const manifests = fs.existsSync(artifacts)
    ? fs.readdirSync(artifacts).filter((f) => f.endsWith('.json'))
    : [];
  const bases = new Set<string>();
  for (const file of manifests) {
    try {
      const base = JSON.parse(fs.readFileSync(path.join(artifacts, file), 'utf8')).baseModel;
      if (typeof base === 'string') bases.add(base);
    } catch {
      // A half-written or foreign file is not a trained model; serving reports its own errors.
    }
  }
  if (bases.size === 0) {
    return [
      {
        name: 'models',
        ready: true,
        detail: `${manifests.length} trained model(s), none on a base model folder`,
      },
    ];
  }
  return [...bases].map((base) => {
    const isPath = path.isAbsolute(base) || base.startsWith('.') || base.startsWith('~');
    if (!isPath)
      return { name: 'base model', ready: true, detail: `${base}: a hub id, loaded from the local cache` };
    const missing = REQUIRED_MODEL_FILES.filter((f) => !fs.existsSync(path.join(base, f)));
    return missing.length === 0
      ? { name: 'base model', ready: true, detail: `${base} has ${REQUIRED_MODEL_FILES.join(', ')}` }
      : {
          name: 'base model',
          ready: false,
          detail: `${base} lacks ${missing.join(', ')}`,
          fix: 'restore the folder a model was trained with, or export it to ONNX again',
        };
  });
}

function checkToken(
  bot: 'discord' | 'telegram',
  token: string | undefined,
  problem: (t: string) => string | null,
): DoctorCheck {
  const variable = `${bot.toUpperCase()}_TOKEN`;
  if (!token) return { name: bot, ready: true, detail: `not configured (set ${variable} to run the bot)` };
  const wrong = problem(token);
  return wrong
    ? {
        name: bot,
        ready: false,
        detail: `${variable} (${token.length} characters, not shown) ${wrong}`,
        fix:
          bot === 'discord'
            ? 'copy the token again from the Developer Portal (Bot → Reset Token)'
            : 'copy the token again from @BotFather (/token)',
      }
    : {
        name: bot,
        ready: true,
        detail: `${variable} looks like a bot token (${token.length} characters, not shown)`,
      };
}

/** Three base64url parts, the first the bot's numeric id: how Discord bot tokens are made. */
function discordTokenProblem(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[\w-]+$/.test(p)))
    return 'is not three dot-separated parts';
  const id = Buffer.from(parts[0], 'base64url').toString('utf8');
  return /^\d{15,25}$/.test(id) ? null : "does not start with the bot's id in base64";
}

function telegramTokenProblem(token: string): string | null {
  return /^\d{1,20}:[\w-]{20,100}$/.test(token)
    ? null
    : 'is not <bot id>:<secret> (digits, a colon, 20+ letters)';
}

function lockHolder(lockPath: string): number | null {
  if (!fs.existsSync(lockPath)) return null;
  const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
  if (!pid || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function reason(error: unknown): string {
  // viem's shortMessage (with its details) and AggregateError's first error say more than their messages.
  const e = error as {
    code?: string;
    message?: string;
    shortMessage?: string;
    details?: string;
    errors?: { message?: string }[];
  };
  const message = e?.shortMessage
    ? `${e.shortMessage}${e.details ? ` (${e.details})` : ''}`
    : e?.message || e?.errors?.[0]?.message || e?.code || String(error);
  return message.split('\n')[0].slice(0, 200);
}
