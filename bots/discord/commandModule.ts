import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../../src/config.ts';
import type { BotContext } from './context.ts';

/**
 * How a command answers before its work starts, so Discord's 3-second acknowledgement never waits
 * on the database: 'ephemeral' and 'public' defer the reply; 'none' is for commands that may open
 * a modal (which must be the first response) and acknowledge by themselves.
 */
export type Acknowledge = 'ephemeral' | 'public' | 'none';

export interface CommandModule {
  name: string;
  /** The definition registered with Discord; null leaves the command out (e.g. a feature switched off). */
  definition(config: Config): RESTPostAPIChatInputApplicationCommandsJSONBody | null;
  acknowledge: Acknowledge | ((interaction: ChatInputCommandInteraction) => Acknowledge);
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** Buttons and modals, routed by the first segment of their custom id (`review:approve:42`). */
export interface ComponentModule {
  prefix: string;
  /** Buttons that open a modal must not be deferred: the modal has to be the first response. */
  acknowledge: Acknowledge | 'update' | ((customId: string) => Acknowledge | 'update');
  button?(interaction: ButtonInteraction, args: string[], ctx: BotContext): Promise<void>;
  modal?(interaction: ModalSubmitInteraction, args: string[], ctx: BotContext): Promise<void>;
}
