import { jobsWithoutChainClock } from '../../jobs/jobDefinitions.ts';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';

export async function runAgentCommand(config: Config, args: string[]): Promise<number> {
  const [sub, ...nameParts] = args;
  if (sub !== 'create' || nameParts.length === 0) {
    process.stderr.write('usage: potluck agent create <name>\n');
    return 1;
  }
  // Creating a key touches only the database: no chain to start and replay, and no epoch to settle,
  // for a one-shot command.
  const app = await createApp(config, { jobDefinitions: jobsWithoutChainClock, chain: false });
  try {
    const agent = await app.accounts.createAgent({ name: nameParts.join(' ') });
    process.stdout.write(
      `Agent account ${agent.accountId} created.\nAPI key (shown once, store it now): ${agent.apiKey}\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
