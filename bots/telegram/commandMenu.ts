import type { Translator } from '../i18n/translator.ts';

/**
 * The command menu (setMyCommands, once per language) and the /help text come from this one
 * list, so what the menu offers and what the bot answers never drift apart. Descriptions and
 * usages are catalogue ids; a usage left out is just the command.
 */
export interface MenuCommand {
  command: string;
  description: string;
  /** Shown by /help: how to call it. */
  usage?: string;
}

const COMMAND_MENU: readonly MenuCommand[] = [
  { command: 'rewards', description: 'menu-rewards' },
  { command: 'history', description: 'menu-history' },
  { command: 'claim', description: 'menu-claim' },
  { command: 'wallet', description: 'menu-wallet', usage: 'menu-wallet-usage' },
  { command: 'models', description: 'menu-models' },
  { command: 'ask', description: 'menu-ask', usage: 'menu-ask-usage' },
  { command: 'notify', description: 'menu-notify', usage: 'menu-notify-usage' },
  { command: 'notifications', description: 'menu-notifications', usage: 'menu-notifications-usage' },
  { command: 'datanets', description: 'menu-datanets' },
  { command: 'contribute', description: 'menu-contribute', usage: 'menu-contribute-usage' },
  { command: 'leaderboard', description: 'menu-leaderboard', usage: 'menu-leaderboard-usage' },
  { command: 'preview', description: 'menu-preview', usage: 'menu-preview-usage' },
  { command: 'chart', description: 'menu-chart', usage: 'menu-chart-usage' },
  { command: 'link', description: 'menu-link', usage: 'menu-link-usage' },
  { command: 'language', description: 'menu-language', usage: 'menu-language-usage' },
  { command: 'help', description: 'menu-help' },
];

/** The menu in one language, as setMyCommands and /help show it. */
export const menuIn = (tr: Translator) =>
  COMMAND_MENU.map((c) => ({
    command: c.command,
    description: tr.t(c.description),
    usage: c.usage ? tr.t(c.usage) : `/${c.command}`,
  }));
