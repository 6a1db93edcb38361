import type { Config } from '../../../src/config.ts';
import type { CommandModule, ComponentModule } from '../commandModule.ts';
import { voteButtons } from '../reviews/voteButtons.ts';
import { apikeyCommand } from './apikeyCommand.ts';
import { askCommand } from './askCommand.ts';
import { chartCommand } from './chartCommand.ts';
import { claimCommand } from './claimCommand.ts';
import { contributeCommand, contributeModalHandler } from './contributeCommand.ts';
import { datanetCommand } from './datanetCommand.ts';
import { faucetCommand } from './faucetCommand.ts';
import { historyButtons, historyCommand } from './historyCommand.ts';
import { languageCommand } from './languageCommand.ts';
import { leaderboardButtons, leaderboardCommand } from './leaderboardCommand.ts';
import { linkCommand } from './linkCommand.ts';
import { modelCommand } from './modelCommand.ts';
import { notificationsCommand } from './notificationsCommand.ts';
import { previewCommand } from './previewCommand.ts';
import { proofCommand } from './proofCommand.ts';
import { receiptCommand } from './receiptCommand.ts';
import { reviewButtons, reviewCommand } from './reviewCommand.ts';
import { rewardsCommand } from './rewardsCommand.ts';
import { runCommand } from './runCommand.ts';
import { settingsCommand } from './settingsCommand.ts';
import { trainCommand } from './trainCommand.ts';
import { transferCommand } from './transferCommand.ts';
import { validatorCommand } from './validatorCommand.ts';
import { walletCommand, walletSignature } from './walletCommand.ts';
import { withdrawCommand } from './withdrawCommand.ts';

export const commands: CommandModule[] = [
  datanetCommand,
  contributeCommand,
  reviewCommand,
  validatorCommand,
  leaderboardCommand,
  previewCommand,
  chartCommand,
  trainCommand,
  runCommand,
  modelCommand,
  askCommand,
  rewardsCommand,
  historyCommand,
  receiptCommand,
  proofCommand,
  transferCommand,
  withdrawCommand,
  claimCommand,
  walletCommand,
  linkCommand,
  apikeyCommand,
  faucetCommand,
  languageCommand,
  notificationsCommand,
  settingsCommand,
];

export const components: ComponentModule[] = [
  contributeModalHandler,
  reviewButtons,
  voteButtons,
  walletSignature,
  leaderboardButtons,
  historyButtons,
];

/** The slash-command definitions to register, for this configuration. */
export function commandDefinitions(config: Config) {
  return commands.map((c) => c.definition(config)).filter((d) => d !== null);
}
