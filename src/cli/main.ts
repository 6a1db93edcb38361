import { type Config, loadConfig, readEnvironment } from '../config.ts';
import { explainError } from './explainError.ts';

// Each command is imported when it runs: loading them all (discord.js, grammy, the doctor's Redis
// client...) cost `potluck start` over a second of module loading it never used.

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
      return (await import('./runDemo.ts')).runDemo(rest);
    case 'doctor':
      return (await import('./runDoctor.ts')).runDoctor({ env: readEnvironment() });
  }
  const config = loadConfig();
  loadedConfig = config;
  switch (command) {
    case 'start':
      return (await import('./runStart.ts')).runStart(config);
    case 'migrate':
      return (await import('./runMigrate.ts')).runMigrate(config);
    case 'worker':
      return (await import('./runWorker.ts')).runWorker(config);
    case 'agent':
      return (await import('./runAgentCommand.ts')).runAgentCommand(config, rest);
    case 'deploy':
      return (await import('./runDeploy.ts')).runDeploy(config);
    case 'chain':
      return (await import('./runChain.ts')).runChain(config);
    case 'telegram':
      return (await import('./runTelegram.ts')).runTelegram(config);
    case 'discord':
      return (await import('./runDiscord.ts')).runDiscord(config, rest);
    case 'mcp':
      return (await import('./runMcp.ts')).runMcp(config, rest);
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
