import {
  DiscordAPIError,
  type Interaction,
  MessageFlags,
  RESTJSONErrorCodes,
  type RepliableInteraction,
} from 'discord.js';
import { pickLanguage, translator } from '../i18n/translator.ts';
import type { Acknowledge, CommandModule, ComponentModule } from './commandModule.ts';
import { type BotContext, syncMemberRoles, withUserLanguage } from './context.ts';
import { errorMessage } from './errorMessage.ts';

type Ack = Acknowledge | 'update';

/**
 * A second delivery of an interaction Discord already saw answered, or one whose token died:
 * either way there is nobody to answer, and acknowledging first means no work was done for it.
 */
const isStaleDelivery = (e: unknown) =>
  e instanceof DiscordAPIError &&
  (e.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged ||
    e.code === RESTJSONErrorCodes.UnknownInteraction);

async function acknowledge(interaction: RepliableInteraction, ack: Ack): Promise<void> {
  if (ack === 'ephemeral') await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  else if (ack === 'public') await interaction.deferReply();
  else if (ack === 'update' && (interaction.isMessageComponent() || interaction.isModalSubmit())) {
    await interaction.deferUpdate();
  }
}

/** The error boundary: every refusal ends as an ephemeral message, however far the reply got. */
async function fail(
  ctx: BotContext,
  interaction: RepliableInteraction,
  ack: Ack,
  error: unknown,
  where: string,
) {
  if (isStaleDelivery(error)) {
    ctx.log.info('discord interaction already handled', { where, interactionId: interaction.id });
    return;
  }
  const content = errorMessage(error, ctx.log, where, ctx.tr);
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    } else if (interaction.deferred && !interaction.replied && ack === 'ephemeral') {
      await interaction.editReply({ content, embeds: [], components: [] });
    } else {
      // A public "thinking…" would otherwise stay in the channel; the reason goes to the user alone.
      if (interaction.deferred && !interaction.replied && ack === 'public') await interaction.deleteReply();
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    }
  } catch (e) {
    ctx.log.warn('discord error reply failed', { where, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Routes commands by name and components by custom-id prefix, acknowledging before any work. */
export function createInteractionHandler(commands: CommandModule[], components: ComponentModule[]) {
  const byName = new Map(commands.map((c) => [c.name, c]));
  const byPrefix = new Map(components.map((c) => [c.prefix, c]));

  return async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
    if (interaction.user.bot) return;
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      try {
        await command?.autocomplete?.(interaction, ctx);
      } catch (error) {
        if (!isStaleDelivery(error)) ctx.log.warn('discord autocomplete failed', { error: String(error) });
        await interaction.respond([]).catch(() => {});
      }
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      if (!command) {
        // Left over from an older registration: say so instead of letting Discord show a failure.
        const content = translator(pickLanguage(null, interaction.locale)).t('error-command-gone');
        await interaction.reply({ content, flags: MessageFlags.Ephemeral }).catch(() => {});
        return;
      }
      const ack =
        typeof command.acknowledge === 'function' ? command.acknowledge(interaction) : command.acknowledge;
      const where = `/${[interaction.commandName, interaction.options.getSubcommand(false)].filter(Boolean).join(' ')}`;
      let local = ctx;
      try {
        await acknowledge(interaction, ack);
        local = await withUserLanguage(ctx, interaction);
        await syncMemberRoles(ctx, interaction);
        await command.execute(interaction, local);
      } catch (error) {
        await fail(local, interaction, ack, error, where);
      }
      return;
    }
    if (interaction.isButton() || interaction.isModalSubmit()) {
      const [prefix, ...args] = interaction.customId.split(':');
      const component = byPrefix.get(prefix);
      if (!component) return;
      const ack =
        typeof component.acknowledge === 'function'
          ? component.acknowledge(interaction.customId)
          : component.acknowledge;
      let local = ctx;
      try {
        await acknowledge(interaction, ack);
        local = await withUserLanguage(ctx, interaction);
        if (interaction.isButton()) await component.button?.(interaction, args, local);
        else await component.modal?.(interaction, args, local);
      } catch (error) {
        await fail(local, interaction, ack, error, interaction.customId);
      }
    }
  };
}
