import { type Config, loadConfig, readEnvironment } from '../config.ts';
import { explainError } from './explainError.ts';
import { runAgentCommand } from './runAgentCommand.ts';
import { runChain } from './runChain.ts';
import { runDemo } from './runDemo.ts';
import { runDeploy } from './runDeploy.ts';
import { runDiscord } from './runDiscord.ts';
import { runDoctor } from './runDoctor.ts';
import { runMcp } from './runMcp.ts';
import { runMigrate } from './runMigrate.ts';
import { runStart } from './runStart.ts';
import { runTelegram } from './runTelegram.ts';
import { runWorker } from './runWorker.ts';

const HELP = `potluck <command>

  start                 run the service (embedded database unless DATABASE_URL is set)
  migrate               apply database migrations and exit
  worker                run background job processors (needs REDIS_URL)
  agent create <name>   create an agent account and print its API key (shown once)
  deploy                deploy the contracts to CHAIN_RPC_URL and print their addresses
  chain                 one development chain node for a cluster (JSON-RPC on CHAIN_NODE_PORT)
  telegram              run only the Telegram bot (needs TELEGRAM_TOKEN)
  discord [register]    run only the Discord bot, or register its slash commands (needs DISCORD_TOKEN)
  mcp [--http]          MCP server on stdio (POTLUCK_API_KEY), or Streamable HTTP at /mcp
  demo [--keep]         the whole story on embedded defaults in a temporary folder; exit 0 if every balance adds up
  doctor                check the configuration and each dependency, and say what to fix
  help                  this text

Configuration comes from environment variables; see README.md.`;

/** Kept for the error handler below, which names this configuration's endpoint in its advice. */
let loadedConfig: Config | undefined;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return command ? 0 : 1;
  }
  // Neither reads the configuration the usual way: the demo runs on embedded defaults whatever is set,
  // and doctor reports a bad variable instead of stopping at it.
  switch (command) {
    case 'demo':
      return runDemo(rest);
    case 'doctor':
      return runDoctor({ env: readEnvironment() });
  }
  const config = loadConfig();
  loadedConfig = config;
  switch (command) {
    case 'start':
      return runStart(config);
    case 'migrate':
      return runMigrate(config);
    case 'worker':
      return runWorker(config);
    case 'agent':
      return runAgentCommand(config, rest);
    case 'deploy':
      return runDeploy(config);
    case 'chain':
      return runChain(config);
    case 'telegram':
      return runTelegram(config);
    case 'discord':
      return runDiscord(config, rest);
    case 'mcp':
      return runMcp(config, rest);
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A user-facing error gets its message; anything else is a bug and keeps its stack.
    process.stderr.write(`potluck: ${explainError(error, loadedConfig)}\n`);
    process.exitCode = 1;
  },
);
