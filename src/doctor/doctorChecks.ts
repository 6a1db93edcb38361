import { type Config, loadConfig } from '../config.ts';
import { isAppError } from '../errors.ts';
import { checkArtifacts } from './checkArtifacts.ts';
import { checkToken, discordTokenProblem, telegramTokenProblem } from './checkBotTokens.ts';
import { checkChain } from './checkChain.ts';
import { checkChainWriter } from './checkChainWriter.ts';
import { checkDatabase } from './checkDatabase.ts';
import { checkDataDir } from './checkDataDir.ts';
import { checkModels } from './checkModels.ts';
import { checkOutbox } from './checkOutbox.ts';
import { checkRedis } from './checkRedis.ts';
import type { DoctorCheck, Env } from './doctorCheck.ts';

/** Every check, from the raw environment: a bad variable is set aside and the rest still checked. */
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
  const writer =
    invalid('chain writer', ['DATABASE_URL', 'CHAIN_RPC_URL']) ?? (await checkChainWriter(config));
  if (writer) checks.push(writer);
  checks.push(invalid('chain outbox', ['DATABASE_URL']) ?? (await checkOutbox(config)));
  checks.push(invalid('artifacts', ['DATABASE_URL', 'ARTIFACT_STORE']) ?? (await checkArtifacts(config)));
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
