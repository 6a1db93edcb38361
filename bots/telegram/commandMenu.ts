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
  /** Personal (answered only in a private chat): left out of the menu groups see. */
  personal?: true;
}

/** Where a menu is shown: Telegram keeps one per chat type (BotCommandScope). */
export type MenuScope = 'private' | 'group';

const COMMAND_MENU: readonly MenuCommand[] = [
  { command: 'rewards', personal: true, description: 'menu-rewards' },
  { command: 'history', personal: true, description: 'menu-history' },
  { command: 'claim', personal: true, description: 'menu-claim' },
  { command: 'wallet', personal: true, description: 'menu-wallet', usage: 'menu-wallet-usage' },
  { command: 'models', description: 'menu-models' },
  { command: 'ask', description: 'menu-ask', usage: 'menu-ask-usage' },
  { command: 'notify', personal: true, description: 'menu-notify', usage: 'menu-notify-usage' },
  {
    command: 'notifications',
    personal: true,
    description: 'menu-notifications',
    usage: 'menu-notifications-usage',
  },
  { command: 'datanets', description: 'menu-datanets' },
  { command: 'contribute', description: 'menu-contribute', usage: 'menu-contribute-usage' },
  { command: 'leaderboard', description: 'menu-leaderboard', usage: 'menu-leaderboard-usage' },
  { command: 'preview', description: 'menu-preview', usage: 'menu-preview-usage' },
  { command: 'chart', description: 'menu-chart', usage: 'menu-chart-usage' },
  { command: 'newdatanet', description: 'menu-newdatanet', usage: 'menu-newdatanet-usage' },
  { command: 'train', description: 'menu-train', usage: 'menu-train-usage' },
  { command: 'publish', description: 'menu-publish', usage: 'menu-publish-usage' },
  { command: 'link', personal: true, description: 'menu-link', usage: 'menu-link-usage' },
  { command: 'language', personal: true, description: 'menu-language', usage: 'menu-language-usage' },
  { command: 'help', description: 'menu-help' },
];

/** The menu in one language, as setMyCommands and /help show it; a group's leaves out personal ones. */
export const menuIn = (tr: Translator, scope: MenuScope = 'private') =>
  COMMAND_MENU.filter((c) => scope === 'private' || !c.personal).map((c) => ({
    command: c.command,
    description: tr.t(c.description),
    usage: c.usage ? tr.t(c.usage) : `/${c.command}`,
  }));
